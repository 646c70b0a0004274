import { createRequire } from "node:module";
import { secp256k1 as nobleSecp256k1 } from "@noble/curves/secp256k1.js";

/** n/2 of secp256k1, big-endian: a signature with s above it is high-S. */
const HALF_ORDER = Uint8Array.from(
  Buffer.from("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", "hex"),
);

export const COMPRESSED_PUBKEY_LENGTH = 33;
export const SIGNATURE_LENGTH = 64;

/** True when the s half of an r‖s signature is greater than n/2 (the SDK rejects those). */
export function isHighS(signature: Uint8Array): boolean {
  for (let i = 0; i < 32; i++) {
    const s = signature[32 + i] as number;
    const h = HALF_ORDER[i] as number;
    if (s !== h) return s > h;
  }
  return false;
}

interface NativeSecp256k1 {
  ecdsaVerify(sig: Uint8Array, msg32: Uint8Array, pubkey: Uint8Array): boolean;
}

function loadNative(): NativeSecp256k1 | undefined {
  try {
    // The package's own index silently falls back to elliptic (pure JS) when the addon is not
    // built; load the bindings directly so we know which one we got.
    return createRequire(import.meta.url)("secp256k1/bindings.js") as NativeSecp256k1;
  } catch {
    return undefined;
  }
}

const native = loadNative();

/** Which implementation verifies: libsecp256k1 through the native addon, or @noble/curves. */
export const secp256k1Backend: "libsecp256k1" | "noble" = native === undefined ? "noble" : "libsecp256k1";

/**
 * Verifies a 64-byte r‖s signature over a 32-byte digest with a 33-byte compressed key, as the
 * SDK's secp256k1 VerifySignature: wrong lengths, unparsable keys or signatures and high-S all
 * fail. libsecp256k1 itself rejects high-S too; the explicit check keeps both backends equal.
 */
export function verifySecp256k1Digest(pubkey: Uint8Array, digest: Uint8Array, signature: Uint8Array): boolean {
  if (pubkey.length !== COMPRESSED_PUBKEY_LENGTH || signature.length !== SIGNATURE_LENGTH || digest.length !== 32) {
    return false;
  }
  if (isHighS(signature)) return false;
  try {
    if (native !== undefined) return native.ecdsaVerify(signature, digest, pubkey);
    return nobleSecp256k1.verify(signature, digest, pubkey, { prehash: false, lowS: true });
  } catch {
    return false;
  }
}
