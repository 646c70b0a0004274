import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DecodedTx } from "../tx/decode-tx.js";
import { signDocDigest } from "./sign-doc.js";

describe("signDocDigest", () => {
  it("hashes the SignDoc as the SDK encodes it, for account numbers from 2^31 too", () => {
    const bodyBytes = Uint8Array.of(1, 2, 3);
    const authInfoBytes = Uint8Array.of(4, 5);
    const tx = { bodyBytes, authInfoBytes } as unknown as DecodedTx;
    // Fields 1-4: body, auth info, chain id "c", then account number 4294967295 as the varint
    // ff ff ff ff 0f (cosmjs-types 0.11 alone wrote ff 00 00 00 00).
    const doc = Buffer.from("0a03010203120204051a016320ffffffff0f", "hex");
    const expected = createHash("sha256").update(doc).digest();
    expect(Buffer.from(signDocDigest(tx, "c", 0xffff_ffffn)).equals(expected)).toBe(true);
  });
});
