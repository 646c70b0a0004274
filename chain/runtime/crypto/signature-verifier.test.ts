import { secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { afterAll, describe, expect, it } from "vitest";
import { isHighS, secp256k1Backend, verifySecp256k1Digest } from "./secp256k1-verify.js";
import { InlineSignatureVerifier, WorkerPoolSignatureVerifier, type VerifyRequest } from "./signature-verifier.js";
import { VerificationCache } from "./verification-cache.js";

const N = secp256k1.Point.CURVE().n;

function request(i: number): VerifyRequest {
  const priv = sha256(new TextEncoder().encode(`verifier key ${i % 5}`));
  const digest = sha256(new TextEncoder().encode(`message ${i}`));
  return { digest, pubkey: secp256k1.getPublicKey(priv, true), signature: secp256k1.sign(digest, priv, { prehash: false, lowS: true }) };
}

function highS(sig: Uint8Array): Uint8Array {
  const s = secp256k1.Signature.fromBytes(sig, "compact");
  return new secp256k1.Signature(s.r, N - s.s).toBytes("compact");
}

/** A mix of valid and invalid requests, with the expected answer for each. */
function corpus(): [VerifyRequest, boolean][] {
  const out: [VerifyRequest, boolean][] = [];
  for (let i = 0; i < 300; i++) {
    const r = request(i);
    switch (i % 6) {
      case 0:
        out.push([{ ...r, signature: Uint8Array.from(r.signature, (b, j) => (j === 5 ? b ^ 0x10 : b)) }, false]);
        break;
      case 1:
        out.push([{ ...r, signature: highS(r.signature) }, false]);
        break;
      case 2:
        out.push([{ ...r, digest: sha256(r.digest) }, false]);
        break;
      case 3:
        // A truncated key, and a 33-byte one whose x is no coordinate (it never parses, so the
        // worker's cache of expanded keys must not keep it).
        out.push([{ ...r, pubkey: i % 12 === 3 ? r.pubkey.subarray(1) : Uint8Array.of(0x02, ...new Uint8Array(32).fill(0xff)) }, false]);
        break;
      default:
        out.push([r, true]);
    }
  }
  return out;
}

const pool = new WorkerPoolSignatureVerifier({ threads: 2, maxBatch: 64 });
afterAll(() => pool.close());

describe("secp256k1 verification", () => {
  it("uses the native libsecp256k1 addon when it is built", () => {
    expect(["libsecp256k1", "noble"]).toContain(secp256k1Backend);
  });

  it("rejects high-S signatures that are otherwise valid, as the SDK does", () => {
    const r = request(1);
    const flipped = highS(r.signature);
    expect(isHighS(flipped)).toBe(true);
    expect(isHighS(r.signature)).toBe(false);
    expect(verifySecp256k1Digest(r.pubkey, r.digest, r.signature)).toBe(true);
    expect(verifySecp256k1Digest(r.pubkey, r.digest, flipped)).toBe(false);
    // The same signature is valid ECDSA; only the malleability rule rejects it.
    expect(secp256k1.verify(flipped, r.digest, r.pubkey, { prehash: false, lowS: false })).toBe(true);
  });

  it("gives the same answers inline and on worker threads", async () => {
    const cases = corpus();
    const expected = cases.map(([, ok]) => ok);
    expect(await new InlineSignatureVerifier().verifyBatch(cases.map(([r]) => r))).toEqual(expected);
    // Many concurrent callers, as concurrent CheckTx calls would be.
    const answers = await Promise.all(cases.map(([r]) => pool.verifyBatch([r]).then((a) => a[0])));
    expect(answers).toEqual(expected);
  });

  it("answers from a key's cached expansion exactly as from the key itself", async () => {
    // Every request uses one of five keys, so after the first batch each key comes from the
    // worker's cache; a tampered signature or digest under a cached key still fails.
    const cases = corpus();
    for (let round = 0; round < 3; round++) {
      expect(await pool.verifyBatch(cases.map(([r]) => r))).toEqual(cases.map(([, ok]) => ok));
    }
  });

  it("keys an entry by digest ‖ pubkey ‖ signature, byte for byte", () => {
    const r = request(1);
    const key = VerificationCache.key(r.digest, r.pubkey, r.signature);
    expect(key).toBe(Buffer.concat([r.digest, r.pubkey, r.signature]).toString("latin1"));
    const flipped = Uint8Array.from(r.signature, (b, i) => (i === 63 ? b ^ 1 : b));
    expect(VerificationCache.key(r.digest, r.pubkey, flipped)).not.toBe(key);
    expect(VerificationCache.key(r.digest, r.pubkey, r.signature)).toBe(key);
  });

  it("caches only what it is told verified, and evicts the oldest entry at capacity", () => {
    const cache = new VerificationCache(2);
    const [a, b, c] = [request(1), request(2), request(3)].map((r) => VerificationCache.key(r.digest, r.pubkey, r.signature));
    cache.add(a!);
    cache.add(b!);
    cache.add(c!);
    expect([cache.has(a!), cache.has(b!), cache.has(c!)]).toEqual([false, true, true]);
  });
});

describe("closing the worker pool", () => {
  it("answers the batches already sent, and anything still queued with false", async () => {
    const valid = request(1);
    const verifier = new WorkerPoolSignatureVerifier({ threads: 1, maxBatch: 2000 });
    const sent = verifier.verifyBatch(Array.from({ length: 2000 }, () => valid));
    // Let the batch reach the worker, then close while it verifies (~0.1 s of work).
    await new Promise((r) => setTimeout(r, 20));
    const queued = verifier.verifyBatch([valid]);
    await verifier.close();
    expect((await sent).every((ok) => ok)).toBe(true);
    expect(await queued).toEqual([false]);
    await expect(verifier.verifyBatch([valid])).rejects.toThrow("signature verifier is closed");
    await verifier.close(); // closing twice is harmless
  });

  it("does not abort the process when closed while its threads are still starting", async () => {
    // Terminating a thread while it loads the native addon aborted the whole process now and then
    // ("terminate called after throwing an instance of 'Napi::Error'"); closing asks instead.
    for (let delay = 0; delay < 30; delay++) {
      const verifier = new WorkerPoolSignatureVerifier({ threads: 2 });
      await new Promise((r) => setTimeout(r, delay % 10));
      await verifier.close();
    }
  });
});
