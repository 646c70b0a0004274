import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { describe, expect, it } from "vitest";
import { encodeAddress } from "../address/bech32-address.js";
import type { ChainError } from "../errors/registry.js";
import { MsgRouter } from "../router/msg-router.js";
import { decodeTx } from "./decode-tx.js";

const from = encodeAddress(new Uint8Array(20).fill(1));
const router = new MsgRouter();
router.register({ typeUrl: "/cosmos.bank.v1beta1.MsgSend", module: "bank", signerField: "from_address", decode: (b) => MsgSend.decode(b), handle: () => ({ response: { typeUrl: "/x", value: new Uint8Array() } }) });

function tx(bodyExtra: number[] = [], authExtra: number[] = [], typeUrl = "/cosmos.bank.v1beta1.MsgSend", fromAddress = from): Uint8Array {
  const body = TxBody.encode(TxBody.fromPartial({ messages: [{ typeUrl, value: MsgSend.encode({ fromAddress, toAddress: from, amount: [] }).finish() }] })).finish();
  const auth = AuthInfo.encode(AuthInfo.fromPartial({ fee: { gasLimit: 1n } })).finish();
  return TxRaw.encode({ bodyBytes: Uint8Array.from([...body, ...bodyExtra]), authInfoBytes: Uint8Array.from([...auth, ...authExtra]), signatures: [new Uint8Array(64)] }).finish();
}

function code(bytes: Uint8Array): number | undefined {
  try {
    decodeTx(bytes, router);
    return undefined;
  } catch (err) {
    return (err as ChainError).code;
  }
}

describe("decodeTx", () => {
  it("decodes a TxRaw into messages with their signers", () => {
    const decoded = decodeTx(tx(), router);
    expect(decoded.signers).toEqual([from]);
    expect(decoded.msgs[0]!.typeUrl).toBe("/cosmos.bank.v1beta1.MsgSend");
  });

  it("allows unknown non-critical fields (bit 11) in the body only, as the SDK decoder does", () => {
    // field 1025, wire type 0: tag = 1025 << 3 = 8200 = varint 0x88 0x40
    expect(code(tx([0x88, 0x40, 0x01]))).toBeUndefined();
    expect(code(tx([0x88, 0x40, 0x01], [0x88, 0x40, 0x01]))).toBe(2);
    // field 6, a critical unknown field in the body
    expect(code(tx([0x30, 0x01]))).toBe(2);
  });

  it("fails with code 2 on garbage, unknown types and truncated input, and code 7 on a bad signer", () => {
    expect(code(Uint8Array.from([0xff, 0xff, 0xff]))).toBe(2);
    expect(code(tx().subarray(0, 20))).toBe(2);
    expect(code(tx([], [], "/unknown.Msg"))).toBe(2);
    expect(code(tx([], [], undefined, "cosmos1notours"))).toBe(7);
  });
});
