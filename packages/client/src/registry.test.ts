import { decodeTxRaw } from "@cosmjs/proto-signing";
import { SigningStargateClient } from "@cosmjs/stargate";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import {
  MsgAddMemberResponse,
  MsgRegisterOrganization,
  OrganizationType,
  Role,
} from "@precision/proto";
import { describe, expect, it } from "vitest";
import { PRECISION_CHAIN_ID, PRECISION_DENOM } from "./constants.js";
import { walletFromMnemonic } from "./keys.js";
import { identityMessageComposer } from "./modules/index.js";
import { createRegistry } from "./registry.js";

const mnemonic = "enlist hip relief stomach skate base shallow young switch frequent cry park";

describe("createRegistry", () => {
  it("encodes an identity message as Any and decodes it back", () => {
    const registry = createRegistry();
    const message = identityMessageComposer.registerOrganization({
      authority: "prec1authority",
      id: "northside-lab",
      name: "Northside Lab",
      type: OrganizationType.ORGANIZATION_TYPE_LAB,
      identifiers: { npi: "1234567893" },
    });
    const any = registry.encodeAsAny(message);
    expect(any.typeUrl).toBe("/precision.identity.v1.MsgRegisterOrganization");
    expect(any.value).toEqual(
      MsgRegisterOrganization.encode(MsgRegisterOrganization.fromPartial(message.value)).finish(),
    );
    expect(registry.decode(any)).toEqual(message.value);
  });

  it("keeps the Cosmos SDK defaults and knows message responses", () => {
    const registry = createRegistry();
    expect(registry.lookupType("/cosmos.bank.v1beta1.MsgSend")).toBeDefined();
    const response = {
      typeUrl: "/precision.identity.v1.MsgAddMemberResponse",
      value: new Uint8Array(),
    };
    expect(registry.decode(response)).toEqual(MsgAddMemberResponse.fromPartial({}));
  });

  it("signs a transaction carrying identity messages", async () => {
    const wallet = await walletFromMnemonic(mnemonic);
    const [account] = await wallet.getAccounts();
    if (account === undefined) throw new Error("wallet has no account");
    const client = await SigningStargateClient.offline(wallet, { registry: createRegistry() });
    const addMember = identityMessageComposer.addMember({
      authority: account.address,
      organizationId: "northside-lab",
      address: account.address,
      roles: [Role.ROLE_LAB_TECHNICIAN],
    });

    const txRaw = await client.sign(
      account.address,
      [addMember],
      { amount: [{ denom: PRECISION_DENOM, amount: "5000" }], gas: "200000" },
      "",
      { accountNumber: 7n, sequence: 0, chainId: PRECISION_CHAIN_ID },
    );

    const tx = decodeTxRaw(TxRaw.encode(txRaw).finish());
    expect(tx.body.messages.map((m) => m.typeUrl)).toEqual(["/precision.identity.v1.MsgAddMember"]);
    const [signedMessage] = tx.body.messages;
    if (signedMessage === undefined) throw new Error("tx has no message");
    expect(createRegistry().decode(signedMessage)).toEqual(addMember.value);
    expect(tx.signatures[0]).toHaveLength(64);
  });
});
