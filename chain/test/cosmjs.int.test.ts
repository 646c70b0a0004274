// Unmodified CosmJS 0.39 against the real precisiond process: the contract of DESIGN.md §2.
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import {
  BroadcastTxError,
  GasPrice,
  SigningStargateClient,
  StargateClient,
  calculateFee,
} from "@cosmjs/stargate";
import { Comet38Client, connectComet } from "@cosmjs/tendermint-rpc";
import { connectPrecisionClient, createRegistry, identityMessageComposer } from "@precision/client";
import { OrganizationType } from "@precision/proto";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestNode, type TestNode } from "./support/node-process.js";

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const gasPrice = GasPrice.fromString("0.025uusd");
const fee = calculateFee(200_000, gasPrice);
const options = { gasPrice, broadcastPollIntervalMs: 100, registry: createRegistry() };

let node: TestNode;
let alice: DirectSecp256k1HdWallet;
let bob: DirectSecp256k1HdWallet;
let poor: DirectSecp256k1HdWallet;
let authority: DirectSecp256k1HdWallet;
let aliceAddr: string;
let bobAddr: string;
let poorAddr: string;
let authorityAddr: string;

async function addressOf(w: DirectSecp256k1HdWallet) {
  return (await w.getAccounts())[0]!.address;
}

beforeAll(async () => {
  [alice, bob, poor, authority] = (await Promise.all(
    [0, 1, 2, 3].map(() => DirectSecp256k1HdWallet.generate(12, { prefix: "prec" })),
  )) as [
    DirectSecp256k1HdWallet,
    DirectSecp256k1HdWallet,
    DirectSecp256k1HdWallet,
    DirectSecp256k1HdWallet,
  ];
  [aliceAddr, bobAddr, poorAddr, authorityAddr] = (await Promise.all(
    [alice, bob, poor, authority].map(addressOf),
  )) as [string, string, string, string];
  node = await createTestNode([
    { address: aliceAddr, coins: "1000000000uusd" },
    { address: poorAddr, coins: "10000uusd" },
    { address: authorityAddr, coins: "1000000000uusd" },
  ]);
  // The identity authority is named in genesis, like the start command's dev genesis does.
  const { readFileSync, writeFileSync } = await import("node:fs");
  const file = `${node.home}/config/genesis.json`;
  const genesis = JSON.parse(readFileSync(file, "utf8"));
  genesis.app_state.identity.authority = authorityAddr;
  writeFileSync(file, JSON.stringify(genesis));
  await node.start();
});

afterAll(async () => {
  expect(await node?.stop()).toBe(0);
  await node?.remove();
});

async function signRaw(
  wallet: DirectSecp256k1HdWallet,
  sequenceOffset = 0,
  chainId = "precision-local-1",
) {
  const client = await SigningStargateClient.connectWithSigner(node.rpcUrl, wallet, options);
  const from = await addressOf(wallet);
  const { accountNumber, sequence } = await client.getSequence(from);
  const msg = {
    typeUrl: "/cosmos.bank.v1beta1.MsgSend",
    value: { fromAddress: from, toAddress: bobAddr, amount: [{ denom: "uusd", amount: "1" }] },
  };
  const raw = await client.sign(from, [msg], fee, "", {
    accountNumber,
    sequence: sequence + sequenceOffset,
    chainId,
  });
  return { client, raw };
}

describe("CosmJS 0.39 against precisiond", () => {
  it("connect selects Comet38Client", async () => {
    const comet = await connectComet(node.rpcUrl);
    expect(comet).toBeInstanceOf(Comet38Client);
    comet.disconnect();
  });

  it("answers null for an unknown account and 0 for its balance", async () => {
    const client = await StargateClient.connect(node.rpcUrl);
    expect(await client.getAccount(bobAddr)).toBeNull();
    expect(await client.getBalance(bobAddr, "uusd")).toEqual({ denom: "uusd", amount: "0" });
    expect(await client.getChainId()).toBe("precision-local-1");
  });

  it("sends with fee auto, fills msgResponses, and finds the tx by hash, sender and height", async () => {
    const client = await SigningStargateClient.connectWithSigner(node.rpcUrl, alice, options);
    const result = await client.sendTokens(
      aliceAddr,
      bobAddr,
      [{ denom: "uusd", amount: "5000" }],
      "auto",
      "first send",
    );
    expect(result.code).toBe(0);
    expect(result.msgResponses).toEqual([
      { typeUrl: "/cosmos.bank.v1beta1.MsgSendResponse", value: new Uint8Array() },
    ]);
    expect(result.gasUsed).toBeGreaterThan(0n);
    expect(await client.getBalance(bobAddr, "uusd")).toEqual({ denom: "uusd", amount: "5000" });
    expect((await client.getAccount(aliceAddr))?.sequence).toBe(1);

    const found = await client.getTx(result.transactionHash);
    expect(found?.height).toBe(result.height);
    const bySender = await client.searchTx(`message.sender='${aliceAddr}'`);
    expect(bySender.map((t) => t.hash)).toContain(result.transactionHash);
    const byHeight = await client.searchTx([{ key: "tx.height", value: result.height }]);
    expect(byHeight.map((t) => t.hash)).toContain(result.transactionHash);
  });

  it("delivers NewBlock and Tx events over the WebSocket", async () => {
    const comet = await Comet38Client.connect(node.wsUrl);
    const block = await new Promise<number>((resolve, reject) => {
      const sub = comet
        .subscribeNewBlock()
        .subscribe({
          next: (b) => (sub.unsubscribe(), resolve(b.header.height)),
          error: reject,
          complete: () => {},
        });
    });
    expect(block).toBeGreaterThan(0);
    const txEvent = new Promise<string>((resolve, reject) => {
      const sub = comet.subscribeTx(`message.sender='${aliceAddr}'`).subscribe({
        next: (e) => (
          sub.unsubscribe(),
          resolve(Buffer.from(e.hash).toString("hex").toUpperCase())
        ),
        error: reject,
        complete: () => {},
      });
    });
    const client = await SigningStargateClient.connectWithSigner(node.rpcUrl, alice, options);
    const sent = await client.sendTokens(aliceAddr, bobAddr, [{ denom: "uusd", amount: "1" }], fee);
    expect(await txEvent).toBe(sent.transactionHash);
    comet.disconnect();
  });

  it("rejects a wrong sequence with sdk code 32", async () => {
    const { client, raw } = await signRaw(alice, 5);
    await expect(client.broadcastTxSync(TxRaw.encode(raw).finish())).rejects.toMatchObject({
      code: 32,
      codespace: "sdk",
    });
  });

  it("rejects a tampered signature with sdk code 4", async () => {
    const { client, raw } = await signRaw(alice);
    const signature = raw.signatures[0]!;
    signature[10] = signature[10]! ^ 0xff;
    await expect(client.broadcastTxSync(TxRaw.encode(raw).finish())).rejects.toMatchObject({
      code: 4,
      codespace: "sdk",
    });
  });

  it("rejects a high-S signature with sdk code 4", async () => {
    const { client, raw } = await signRaw(alice);
    const sig = raw.signatures[0]!;
    const s = BigInt(`0x${Buffer.from(sig.subarray(32)).toString("hex")}`);
    sig.set(Buffer.from((N - s).toString(16).padStart(64, "0"), "hex"), 32);
    const err = await client.broadcastTxSync(TxRaw.encode(raw).finish()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BroadcastTxError);
    expect(err).toMatchObject({ code: 4, codespace: "sdk" });
  });

  it("rejects a signature over another chain id with sdk code 4", async () => {
    const { client, raw } = await signRaw(alice, 0, "another-chain-1");
    await expect(client.broadcastTxSync(TxRaw.encode(raw).finish())).rejects.toMatchObject({
      code: 4,
      codespace: "sdk",
    });
  });

  it("rejects garbage bytes with sdk code 2 and stays up", async () => {
    const client = await StargateClient.connect(node.rpcUrl);
    await expect(
      client.broadcastTxSync(new Uint8Array([1, 2, 3, 4, 5, 255])),
    ).rejects.toMatchObject({ code: 2, codespace: "sdk" });
    expect(await client.getHeight()).toBeGreaterThan(0);
  });

  it("includes an insufficient-funds send in a block with code 5, charges the fee, and the next tx succeeds", async () => {
    const client = await SigningStargateClient.connectWithSigner(node.rpcUrl, poor, options);
    const smallFee = calculateFee(100_000, gasPrice); // 2500uusd of the 10000uusd
    const failed = await client.sendTokens(
      poorAddr,
      bobAddr,
      [{ denom: "uusd", amount: "9000" }],
      smallFee,
    );
    expect(failed.code).toBe(5);
    expect(failed.height).toBeGreaterThan(0);
    expect(await client.getBalance(poorAddr, "uusd")).toEqual({ denom: "uusd", amount: "7500" });
    const ok = await client.sendTokens(
      poorAddr,
      bobAddr,
      [{ denom: "uusd", amount: "100" }],
      smallFee,
    );
    expect(ok.code).toBe(0);
    expect((await client.getAccount(poorAddr))?.sequence).toBe(2);
  });

  it("registers an organisation through a Registry with our types, and refuses a non-authority", async () => {
    const org = {
      authority: authorityAddr,
      id: "test-cardiology",
      name: "Test Cardiology Group",
      type: OrganizationType.ORGANIZATION_TYPE_PROVIDER,
      identifiers: { npi: "1930157288" },
    };
    const signer = await SigningStargateClient.connectWithSigner(node.rpcUrl, authority, options);
    const registered = await signer.signAndBroadcast(
      authorityAddr,
      [identityMessageComposer.registerOrganization(org)],
      "auto",
    );
    expect(registered.code, registered.rawLog).toBe(0);
    expect(registered.msgResponses[0]?.typeUrl).toBe(
      "/precision.identity.v1.MsgRegisterOrganizationResponse",
    );

    const intruder = await SigningStargateClient.connectWithSigner(node.rpcUrl, alice, options);
    const refused = await intruder.signAndBroadcast(
      aliceAddr,
      [
        identityMessageComposer.registerOrganization({
          ...org,
          authority: aliceAddr,
          id: "rogue-org",
        }),
      ],
      fee,
    );
    expect(refused.code).toBe(2);
    expect(refused.rawLog).toMatch(/unauthorized|authority/i);
    const query = await connectPrecisionClient(node.rpcUrl);
    const stored = await query.query.identity.organization("test-cardiology");
    expect(stored.name).toBe("Test Cardiology Group");
    expect(stored.identifiers?.npi).toBe("1930157288");
    query.disconnect();
  });
});
