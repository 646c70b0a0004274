import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { SigningStargateClient } from "@cosmjs/stargate";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { afterEach, describe, expect, it } from "vitest";
import { buildGenesis } from "./genesis.js";
import { TEST_CHAIN_ID, TestChain } from "./testing/test-chain.js";
import { testKey } from "./testing/tx-builder.js";

const chains: TestChain[] = [];
afterEach(async () => {
  while (chains.length > 0) await chains.pop()!.stop();
});

describe("transactions signed by unmodified CosmJS 0.39", () => {
  it("accepts a SigningStargateClient-signed MsgSend in CheckTx and FinalizeBlock", async () => {
    const key = testKey("cosmjs");
    const wallet = await DirectSecp256k1Wallet.fromKey(key.privateKey, "prec");
    const [account] = await wallet.getAccounts();
    expect(account!.address).toBe(key.address);
    const chain = await TestChain.start(
      buildGenesis({ chainId: TEST_CHAIN_ID, accounts: [{ address: key.address, coins: [{ denom: "uusd", amount: "1000000" }] }] }),
      { minGasPrices: "0.025uusd" },
    );
    chains.push(chain);
    await chain.block([]);

    const client = await SigningStargateClient.offline(wallet);
    const recipient = testKey("cosmjs-recipient").address;
    const signed = await client.sign(
      key.address,
      [{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: key.address, toAddress: recipient, amount: [{ denom: "uusd", amount: "42" }] } }],
      { amount: [{ denom: "uusd", amount: "5000" }], gas: "200000" },
      "hello from cosmjs",
      { accountNumber: 0n, sequence: 0, chainId: TEST_CHAIN_ID },
    );
    const bytes = TxRaw.encode(signed).finish();
    const check = await chain.checkTx(bytes);
    expect([check.code, check.log]).toEqual([0, ""]);
    const { results } = await chain.block([bytes]);
    expect(results[0]!.code).toBe(0);
    expect(TxMsgData.decode(results[0]!.data).msgResponses[0]!.typeUrl).toBe("/cosmos.bank.v1beta1.MsgSendResponse");
  });
});
