import { describe, expect, it } from "vitest";
import { EMPTY_STATE_ROOT, StateProofFormatError, decodeStateProof } from "./format.js";
import { verifyInclusionProof, verifyNonInclusionProof } from "./verify.js";

const hex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, "hex"));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

// Known answers produced by the chain's state store (chain/runtime/store) for the state
// { acct/alice: 100, acct/bob: 250, acct/carol: 7 } at height 1.
const root = hex("0024d8476c63709ad2f15747ef7a59d1925aa71cd2e6208dbe9d29d544d2f92f");
const aliceProof = hex(
  "01000002c0005aa81720630502c9a3058db765054c86823faef91e9e9a1c5c80247209bc6d2ff4b5e1c5733b32f8a54f9b5150800b964f2d0bf1b9ffff324264a7ad5f00c4",
);
const daveAbsent = hex(
  "01020002c0005aa81720630502c9a3058db765054c86823faef91e9e9a1c5c80247209bc6d2ff4b5e1c5733b32f8a54f9b5150800b964f2d0bf1b9ffff324264a7ad5f00c46bd0b08656b7e9a0a1ee0776a142ba462f9c2cdfea55a3f29749eb86cf71d3fcad57366865126e55649ecb23ae1d48887544976efea46a48eb5d85a6eeb4d306",
);

describe("state proof verification", () => {
  it("accepts the chain's proofs for the key, value and root they were made for", () => {
    expect(
      verifyInclusionProof({
        proof: aliceProof,
        key: utf8("acct/alice"),
        value: utf8("100"),
        appHash: root,
      }),
    ).toBe(true);
    expect(
      verifyNonInclusionProof({ proof: daveAbsent, key: utf8("acct/dave"), appHash: root }),
    ).toBe(true);
    expect(decodeStateProof(daveAbsent).kind).toBe("absent-leaf");
  });

  it("rejects other values, keys, roots and proof kinds", () => {
    expect(
      verifyInclusionProof({
        proof: aliceProof,
        key: utf8("acct/alice"),
        value: utf8("1000"),
        appHash: root,
      }),
    ).toBe(false);
    expect(
      verifyInclusionProof({
        proof: aliceProof,
        key: utf8("acct/bob"),
        value: utf8("100"),
        appHash: root,
      }),
    ).toBe(false);
    expect(
      verifyInclusionProof({
        proof: aliceProof,
        key: utf8("acct/alice"),
        value: utf8("100"),
        appHash: EMPTY_STATE_ROOT,
      }),
    ).toBe(false);
    expect(
      verifyNonInclusionProof({ proof: aliceProof, key: utf8("acct/alice"), appHash: root }),
    ).toBe(false);
    // An absence proof for dave says nothing about alice, who exists.
    expect(
      verifyNonInclusionProof({ proof: daveAbsent, key: utf8("acct/alice"), appHash: root }),
    ).toBe(false);
    expect(
      verifyInclusionProof({
        proof: daveAbsent,
        key: utf8("acct/dave"),
        value: utf8(""),
        appHash: root,
      }),
    ).toBe(false);
  });

  it("proves absence in the empty tree, whose root is a fixed 32-byte hash", () => {
    expect(EMPTY_STATE_ROOT.length).toBe(32);
    const proof = Uint8Array.of(1, 1, 0, 0);
    expect(
      verifyNonInclusionProof({ proof, key: utf8("anything"), appHash: EMPTY_STATE_ROOT }),
    ).toBe(true);
    expect(verifyNonInclusionProof({ proof, key: utf8("anything"), appHash: root })).toBe(false);
  });

  it("treats malformed proofs as failures and says why when decoding", () => {
    const cases: [Uint8Array, RegExp][] = [
      [Uint8Array.of(1, 0), /too short/],
      [Uint8Array.of(2, 0, 0, 0), /version/],
      [Uint8Array.of(1, 3, 0, 0), /kind/],
      [Uint8Array.of(1, 0, 1, 1), /depth/],
      [aliceProof.subarray(0, aliceProof.length - 1), /truncated/],
      [Uint8Array.from([...aliceProof, 0]), /trailing/],
      [daveAbsent.subarray(0, daveAbsent.length - 64), /leaf is truncated/],
      [Uint8Array.of(1, 1, 0, 1, 0x7f), /past its depth/],
    ];
    for (const [bytes, reason] of cases) {
      expect(() => decodeStateProof(bytes)).toThrow(StateProofFormatError);
      expect(() => decodeStateProof(bytes)).toThrow(reason);
      expect(
        verifyInclusionProof({
          proof: bytes,
          key: utf8("acct/alice"),
          value: utf8("100"),
          appHash: root,
        }),
      ).toBe(false);
      expect(verifyNonInclusionProof({ proof: bytes, key: utf8("acct/dave"), appHash: root })).toBe(
        false,
      );
    }
  });
});
