import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { describe, expect, it } from "vitest";
import { encodeAddress } from "../address/bech32-address.js";
import type { ChainError } from "../errors/registry.js";
import { MsgRouter } from "../router/msg-router.js";
import { decodeTx } from "./decode-tx.js";
import { COIN_SCHEMA } from "./unknown-fields.js";

const from = encodeAddress(new Uint8Array(20).fill(1));
const router = new MsgRouter();
router.register({
  typeUrl: "/cosmos.bank.v1beta1.MsgSend",
  module: "bank",
  signerField: "from_address",
  schema: { 1: { wire: 2 }, 2: { wire: 2 }, 3: { wire: 2, message: COIN_SCHEMA } },
  decode: (b) => MsgSend.decode(b),
  handle: () => ({ response: { typeUrl: "/x", value: new Uint8Array() } }),
});

function tx(bodyExtra: number[] = [], authExtra: number[] = [], typeUrl = "/cosmos.bank.v1beta1.MsgSend", fromAddress = from, msgExtra: number[] = [], publicKey?: Any): Uint8Array {
  const msg = Uint8Array.from([...MsgSend.encode({ fromAddress, toAddress: from, amount: [{ denom: "uusd", amount: "1" }] }).finish(), ...msgExtra]);
  const body = TxBody.encode(TxBody.fromPartial({ messages: [{ typeUrl, value: msg }] })).finish();
  const auth = AuthInfo.encode(AuthInfo.fromPartial({ fee: { gasLimit: 1n }, signerInfos: publicKey ? [{ publicKey, sequence: 0n }] : [] })).finish();
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

  it("refuses a field a message does not know (code 2), at any depth, and lets non-critical ones pass", () => {
    expect(code(tx([], [], undefined, from, [0x48, 0x01]))).toBe(2); // MsgSend field 9
    expect(() => decodeTx(tx([], [], undefined, from, [0x48, 0x01]), router)).toThrow(/cosmos\.bank\.v1beta1\.MsgSend: unknown field 9/);
    // A Coin with a field 3 inside amount.
    expect(code(tx([], [], undefined, from, [0x1a, 0x0b, 0x0a, 0x04, 0x75, 0x75, 0x73, 0x64, 0x12, 0x01, 0x31, 0x18, 0x05]))).toBe(2);
    expect(code(tx([], [], undefined, from, [0x88, 0x40, 0x01]))).toBeUndefined(); // field 1025
  });

  it("refuses a field a signer's secp256k1 key does not know (code 2)", () => {
    const key = new Uint8Array(33).fill(2);
    const publicKey = (extra: number[]) => ({ typeUrl: "/cosmos.crypto.secp256k1.PubKey", value: Uint8Array.from([...PubKey.encode({ key }).finish(), ...extra]) });
    expect(code(tx([], [], undefined, from, [], publicKey([])))).toBeUndefined();
    expect(code(tx([], [], undefined, from, [], publicKey([0x10, 0x01])))).toBe(2);
  });
});
