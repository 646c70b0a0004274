import { secp256k1 } from "@noble/curves/secp256k1.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import { gcmDecrypt, gcmEncrypt } from "./aead.js";
import { PrecisionCryptoError } from "./errors.js";
import { decryptRecord, encryptRecord } from "./record-envelope.js";
import { rewrapKey, unwrapKey, wrapKey, WRAPPED_KEY_BYTES } from "./key-wrap.js";
import { decryptStream, encryptStream, SEGMENT_BYTES } from "./stream.js";
import { grantKeysFor } from "./grant-keys.js";

const code = (fn: () => Promise<unknown>) =>
  fn().then(
    () => "no error",
    (e: unknown) => (e instanceof PrecisionCryptoError ? e.code : `other: ${String(e)}`),
  );

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  out[at] = out[at]! ^ 0x01;
  return out;
}

async function* chunks(data: Uint8Array, size: number) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
  if (data.length === 0) yield data;
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe("known-answer vectors", () => {
  it("AES-256-GCM matches the GCM specification's test case 16 (McGrew & Viega, as in NIST's CAVP set)", async () => {
    const key = hexToBytes("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    const iv = hexToBytes("cafebabefacedbaddecaf888");
    const pt = hexToBytes("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    const aad = hexToBytes("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    const expected =
      "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662" +
      "76fc6ece0f4e1768cddf8853bb2d551b";
    const sealed = await gcmEncrypt(key, iv, pt, aad);
    expect(bytesToHex(sealed)).toBe(expected);
    expect(bytesToHex(await gcmDecrypt(key, iv, sealed, aad))).toBe(bytesToHex(pt));
  });

  it("HKDF-SHA-256 matches RFC 5869 test case 1", () => {
    const okm = hkdf(sha256, hexToBytes("0b".repeat(22)), hexToBytes("000102030405060708090a0b0c"), hexToBytes("f0f1f2f3f4f5f6f7f8f9"), 42);
    expect(bytesToHex(okm)).toBe("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  });

  it("key wrapping reproduces its pinned vector (fixed ephemeral key and nonce) — a format regression guard", async () => {
    const recipientPriv = hexToBytes("11".repeat(32));
    const wrapped = await wrapKey(hexToBytes("42".repeat(32)), secp256k1.getPublicKey(recipientPriv, true), {
      ephemeralPriv: hexToBytes("22".repeat(32)),
      nonce: hexToBytes("33".repeat(12)),
    });
    expect(wrapped).toHaveLength(WRAPPED_KEY_BYTES);
    expect(bytesToHex(wrapped)).toBe(PINNED_WRAP);
    expect(bytesToHex(await unwrapKey(wrapped, recipientPriv))).toBe("42".repeat(32));
  });
});

// Computed once with this code (a regression guard for the format, not an external vector):
// version 01 ‖ ephemeral pubkey of 0x22…22 ‖ nonce 33…33 ‖ wrapped key ‖ tag.
const PINNED_WRAP =
  "0102466d7fcae563e5cb09a0d1870bb580344804617879a14949cf22285f1bae3f27333333333333333333333333" +
  "a0c1aca80af1925bee0e0919b0e64b4db1875299498eec0f6bb3133f66afc2253536a034e53b04f80e821fb278205669";

describe("record envelopes", () => {
  it("round-trips with a fresh key and nonce per record, and hashes the envelope", async () => {
    const pt = new TextEncoder().encode('{"resourceType":"Observation"}');
    const a = await encryptRecord(pt, { recordId: "rec-1" });
    const b = await encryptRecord(pt, { recordId: "rec-1" });
    expect(bytesToHex(a.dataKey)).not.toBe(bytesToHex(b.dataKey));
    expect(bytesToHex(a.envelope)).not.toBe(bytesToHex(b.envelope));
    expect(a.contentHash).toBe(bytesToHex(sha256(a.envelope)));
    expect(new TextDecoder().decode(await decryptRecord(a.envelope, a.dataKey, { recordId: "rec-1" }))).toBe('{"resourceType":"Observation"}');
  });

  it("fails with E_DECRYPT for any flipped bit, the wrong key or another record id; E_FORMAT for bad framing", async () => {
    const { envelope, dataKey } = await encryptRecord(new Uint8Array(100).fill(7), { recordId: "rec-1" });
    for (const at of [1, 5, 12, 13, 60, envelope.length - 1]) {
      expect(await code(() => decryptRecord(flip(envelope, at), dataKey, { recordId: "rec-1" })), `byte ${at}`).toBe("E_DECRYPT");
    }
    expect(await code(() => decryptRecord(envelope, flip(dataKey, 0), { recordId: "rec-1" }))).toBe("E_DECRYPT");
    expect(await code(() => decryptRecord(envelope, dataKey, { recordId: "rec-2" }))).toBe("E_DECRYPT");
    expect(await code(() => decryptRecord(flip(envelope, 0), dataKey, { recordId: "rec-1" }))).toBe("E_FORMAT");
    expect(await code(() => decryptRecord(envelope.subarray(0, 20), dataKey))).toBe("E_FORMAT");
    expect(await code(() => decryptRecord(envelope, dataKey.subarray(0, 16)))).toBe("E_KEY");
  });
});

describe("key wrapping (ECIES over secp256k1)", () => {
  const owner = secp256k1.utils.randomSecretKey();
  const reader = secp256k1.utils.randomSecretKey();
  const dataKey = crypto.getRandomValues(new Uint8Array(32));

  it("wraps to a recipient, and re-wraps for a grantee without exposing the key to anyone else", async () => {
    const toOwner = await wrapKey(dataKey, secp256k1.getPublicKey(owner, true));
    expect(bytesToHex(await unwrapKey(toOwner, owner))).toBe(bytesToHex(dataKey));
    const toReader = await rewrapKey(toOwner, owner, secp256k1.getPublicKey(reader, true));
    expect(bytesToHex(await unwrapKey(toReader, reader))).toBe(bytesToHex(dataKey));
    expect(await code(() => unwrapKey(toReader, owner))).toBe("E_DECRYPT");
  });

  it("detects tampering with the ephemeral key, nonce, wrapped key or tag, and rejects bad keys", async () => {
    const wrapped = await wrapKey(dataKey, secp256k1.getPublicKey(owner, true));
    for (const at of [2, 20, 34, 40, 50, 93]) expect(await code(() => unwrapKey(flip(wrapped, at), owner)), `byte ${at}`).toBe("E_DECRYPT");
    expect(await code(() => unwrapKey(flip(wrapped, 0), owner))).toBe("E_FORMAT");
    expect(await code(() => unwrapKey(wrapped.subarray(1), owner))).toBe("E_FORMAT");
    expect(await code(() => unwrapKey(wrapped, new Uint8Array(32)))).toBe("E_KEY");
    // x = 2^256 - 1 is above the field prime: no such point.
    expect(await code(() => wrapKey(dataKey, Uint8Array.from({ length: 33 }, (_, i) => (i === 0 ? 2 : 0xff))))).toBe("E_KEY");
    expect(await code(() => wrapKey(dataKey, secp256k1.getPublicKey(owner, false)))).toBe("E_KEY");
    expect(await code(() => wrapKey(dataKey.subarray(1), secp256k1.getPublicKey(owner, true)))).toBe("E_KEY");
  });
});

describe("streamed records (STREAM over AES-256-GCM)", () => {
  const key = crypto.getRandomValues(new Uint8Array(32));
  const data = Uint8Array.from({ length: 3 * SEGMENT_BYTES + 1234 }, (_, i) => (i * 31 + 7) & 0xff);

  it("round-trips whatever the input chunking, including empty and exact-segment inputs", async () => {
    for (const [input, size] of [
      [data, 1000],
      [data, 200_000],
      [new Uint8Array(0), 10],
      [data.subarray(0, 2 * SEGMENT_BYTES), SEGMENT_BYTES],
    ] as const) {
      const sealed = await collect(encryptStream(chunks(input, size), key, { recordId: "img" }));
      const opened = await collect(decryptStream(chunks(sealed, 7777), key, { recordId: "img" }));
      expect(bytesToHex(sha256(opened))).toBe(bytesToHex(sha256(input)));
    }
  });

  it("fails on truncation at a segment boundary, reordered segments, a flipped bit, or another record id", async () => {
    const sealed = await collect(encryptStream(chunks(data, 50_000), key));
    const seg = SEGMENT_BYTES + 16;
    const header = 8;
    const truncated = sealed.subarray(0, header + 2 * seg);
    expect(await code(() => collect(decryptStream(chunks(truncated, 4096), key)))).toBe("E_DECRYPT");
    const swapped = Uint8Array.from(sealed);
    swapped.set(sealed.subarray(header, header + seg), header + seg);
    swapped.set(sealed.subarray(header + seg, header + 2 * seg), header);
    expect(await code(() => collect(decryptStream(chunks(swapped, 4096), key)))).toBe("E_DECRYPT");
    expect(await code(() => collect(decryptStream(chunks(flip(sealed, header + seg + 10), 4096), key)))).toBe("E_DECRYPT");
    expect(await code(() => collect(decryptStream(chunks(sealed, 4096), key, { recordId: "other" })))).toBe("E_DECRYPT");
    expect(await code(() => collect(decryptStream(chunks(sealed.subarray(0, 5), 4096), key)))).toBe("E_FORMAT");
  });
});

describe("grantKeysFor", () => {
  it("re-wraps each record's key from the patient to the grantee", async () => {
    const patient = secp256k1.utils.randomSecretKey();
    const grantee = secp256k1.utils.randomSecretKey();
    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    const record = { id: "r1", keys: [{ recipient: "prec1patient", wrappedKey: await wrapKey(dataKey, secp256k1.getPublicKey(patient, true)) }] };
    const foreign = { id: "r2", keys: [{ recipient: "prec1other", wrappedKey: await wrapKey(dataKey, secp256k1.getPublicKey(grantee, true)) }] };
    const keys = await grantKeysFor([record, foreign] as never, "prec1patient", patient, secp256k1.getPublicKey(grantee, true));
    expect(keys.map((k) => k.recordId)).toEqual(["r1"]);
    expect(await unwrapKey(keys[0]!.wrappedKey, grantee)).toEqual(dataKey);
  });
});
