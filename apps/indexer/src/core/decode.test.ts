import { toBase64 } from "@cosmjs/encoding";
import { createRegistry } from "@precision/client";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { describe, expect, it } from "vitest";
import { decodeBlock, pubKeyAddress, toJsonValue } from "./decode.js";

const key = Uint8Array.from({ length: 33 }, (_, i) => (i === 0 ? 2 : i));
const from = pubKeyAddress(key);
const to = "prec1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnjl438u";

function txBytes(typeUrl = "/cosmos.bank.v1beta1.MsgSend", value = MsgSend.encode({ fromAddress: from, toAddress: to, amount: [{ denom: "uusd", amount: "7" }] }).finish()) {
  return TxRaw.encode({
    bodyBytes: TxBody.encode(TxBody.fromPartial({ messages: [{ typeUrl, value }], memo: "hi" })).finish(),
    authInfoBytes: AuthInfo.encode(
      AuthInfo.fromPartial({
        signerInfos: [{ publicKey: { typeUrl: "/cosmos.crypto.secp256k1.PubKey", value: PubKey.encode({ key }).finish() }, sequence: 3n }],
        fee: { amount: [{ denom: "uusd", amount: "2500" }], gasLimit: 100_000n },
      }),
    ).finish(),
    signatures: [new Uint8Array(64)],
  }).finish();
}

function block(txs: Uint8Array[], results = txs.map(() => ({ code: 0, gas_wanted: "100000", gas_used: "51234", events: [{ type: "transfer", attributes: [{ key: "recipient", value: to, index: true }] }] }))) {
  return decodeBlock(
    createRegistry(),
    { block_id: { hash: "AB" }, block: { header: { height: "9", time: "2026-11-24T00:00:00.5Z", proposer_address: "CD", app_hash: "EF", chain_id: "c" }, data: { txs: txs.map(toBase64) } } },
    { height: "9", txs_results: results, finalize_block_events: [], app_hash: toBase64(Uint8Array.of(1, 2)) },
  );
}

describe("decodeBlock", () => {
  it("decodes messages, signer, fee, gas and addresses of a tx", () => {
    const b = block([txBytes()]);
    expect(b.height).toBe(9n);
    expect(b.resultAppHash).toBe("0102");
    const tx = b.txs[0]!;
    expect(tx.messages).toEqual([{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: from, toAddress: to, amount: [{ denom: "uusd", amount: "7" }] } }]);
    expect(tx.signers).toEqual([from]);
    expect(tx.fee).toEqual({ amount: [{ denom: "uusd", amount: "2500" }], gasLimit: "100000", payer: "", granter: "" });
    expect([tx.gasWanted, tx.gasUsed, tx.memo]).toEqual([100000n, 51234n, "hi"]);
    expect(tx.addresses).toEqual([from, to].sort());
    expect(tx.hash).toMatch(/^[0-9A-F]{64}$/);
  });

  it("keeps the bytes of a message type it does not know", () => {
    const tx = block([txBytes("/unknown.v1.MsgX", Uint8Array.of(1, 2, 3))]).txs[0]!;
    expect(tx.messages).toEqual([{ typeUrl: "/unknown.v1.MsgX", value: { undecoded: "AQID" } }]);
  });

  it("refuses results that do not pair with the block", () => {
    expect(() => block([txBytes()], [])).toThrow("block 9 has 1 txs but 0 results");
  });
});

describe("toJsonValue", () => {
  it("renders bytes as base64, int64 as strings and drops undefined", () => {
    expect(toJsonValue({ a: Uint8Array.of(255), b: 12n, c: undefined, d: [1n], e: new Date(0) })).toEqual({ a: "/w==", b: "12", d: ["1"], e: "1970-01-01T00:00:00.000Z" });
  });
});
