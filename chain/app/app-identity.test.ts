import { MsgRegisterOrganization, OrganizationType } from "@precision/proto";
import { QueryOrganizationRequest, QueryOrganizationResponse } from "@precision/proto/precision/identity/v1/query";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import { afterEach, describe, expect, it } from "vitest";
import { buildGenesis } from "./genesis.js";
import { TEST_CHAIN_ID, TestChain } from "./testing/test-chain.js";
import { buildSignedTx, testKey } from "./testing/tx-builder.js";

const authority = testKey("consortium");
const mallory = testKey("mallory");
const fee = { amount: [{ denom: "uusd", amount: "2000" }], gasLimit: 300_000n };

const chains: TestChain[] = [];
afterEach(async () => {
  while (chains.length > 0) await chains.pop()!.stop();
});

function registerOrg(signer: typeof authority, accountNumber: bigint, id: string) {
  return buildSignedTx({
    signer,
    chainId: TEST_CHAIN_ID,
    accountNumber,
    sequence: 0n,
    fee,
    messages: [
      {
        typeUrl: "/precision.identity.v1.MsgRegisterOrganization",
        value: MsgRegisterOrganization.encode(
          MsgRegisterOrganization.fromPartial({
            authority: signer.address,
            id,
            name: "Cold Freight",
            type: OrganizationType.ORGANIZATION_TYPE_CARRIER,
            identifiers: { gln: "0614141000005" },
          }),
        ).finish(),
      },
    ],
  });
}

describe("identity through signed transactions", () => {
  it("lets the genesis authority register an organisation and refuses anyone else with identity code 2", async () => {
    const chain = await TestChain.start(
      buildGenesis({
        chainId: TEST_CHAIN_ID,
        authority: authority.address,
        accounts: [
          { address: authority.address, coins: [{ denom: "uusd", amount: "100000" }] },
          { address: mallory.address, coins: [{ denom: "uusd", amount: "100000" }] },
        ],
      }),
    );
    chains.push(chain);
    await chain.block([]);

    const { results } = await chain.block([registerOrg(mallory, 1n, "fake-freight").bytes, registerOrg(authority, 0n, "cold-freight").bytes]);
    expect(results[0]!.code).toBe(2);
    expect(results[0]!.codespace).toBe("identity");
    expect(results[0]!.log).toBe(
      `failed to execute message; message index: 0: expected ${authority.address}, got ${mallory.address}: signer is not the identity authority`,
    );
    expect(results[1]!.code).toBe(0);
    expect(TxMsgData.decode(results[1]!.data).msgResponses[0]!.typeUrl).toBe("/precision.identity.v1.MsgRegisterOrganizationResponse");
    expect(results[1]!.events.map((e) => e.type)).toContain("precision.identity.v1.EventOrganizationRegistered");

    const found = await chain.query("/precision.identity.v1.Query/Organization", QueryOrganizationRequest.encode({ id: "cold-freight" }).finish());
    expect(found.code).toBe(0);
    expect(QueryOrganizationResponse.decode(found.value).organization).toMatchObject({ id: "cold-freight", active: true, registeredHeight: 2n });
    const missing = await chain.query("/precision.identity.v1.Query/Organization", QueryOrganizationRequest.encode({ id: "fake-freight" }).finish());
    expect([missing.code, missing.codespace, missing.log]).toEqual([3, "identity", "organization fake-freight: organization not found"]);
  });
});
