import { secp256k1 } from "@noble/curves/secp256k1.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { concat, gcmDecrypt, gcmEncrypt, KEY_BYTES, NONCE_BYTES, randomBytes, TAG_BYTES, utf8 } from "./aead.js";
import { PrecisionCryptoError } from "./errors.js";

/**
 * ECIES over secp256k1 for data keys: a fresh ephemeral key, ECDH with the recipient's key (the
 * shared point's x coordinate), HKDF-SHA-256 (salt: both public keys, info: this format's label),
 * then AES-256-GCM over the 32-byte data key with the version and both keys as associated data.
 *
 * Format: version ‖ ephemeral pubkey (33) ‖ nonce (12) ‖ wrapped key (32) ‖ tag (16) = 94 bytes.
 */
export const WRAPPED_KEY_V1 = 0x01;
export const WRAPPED_KEY_BYTES = 1 + 33 + NONCE_BYTES + KEY_BYTES + TAG_BYTES;
const INFO = utf8("precision/key-wrap/v1");

function assertPublicKey(pub: Uint8Array): void {
  if (pub.length !== 33) throw new PrecisionCryptoError("E_KEY", "recipient key must be a 33-byte compressed secp256k1 public key");
  try {
    secp256k1.Point.fromBytes(pub);
  } catch {
    throw new PrecisionCryptoError("E_KEY", "recipient key is not a point on secp256k1");
  }
}

function assertPrivateKey(priv: Uint8Array): void {
  if (priv.length !== 32 || !secp256k1.utils.isValidSecretKey(priv)) throw new PrecisionCryptoError("E_KEY", "not a valid secp256k1 private key");
}

function wrappingKey(sharedX: Uint8Array, ephemeralPub: Uint8Array, recipientPub: Uint8Array): Uint8Array {
  return hkdf(sha256, sharedX, concat(ephemeralPub, recipientPub), INFO, KEY_BYTES);
}

export async function wrapKey(
  dataKey: Uint8Array,
  recipientPub: Uint8Array,
  /** Tests pin these to reproduce a vector; callers leave them random. */
  fixed: { ephemeralPriv?: Uint8Array; nonce?: Uint8Array } = {},
): Promise<Uint8Array> {
  if (dataKey.length !== KEY_BYTES) throw new PrecisionCryptoError("E_KEY", `a data key is ${KEY_BYTES} bytes`);
  assertPublicKey(recipientPub);
  const ephemeralPriv = fixed.ephemeralPriv ?? secp256k1.utils.randomSecretKey();
  assertPrivateKey(ephemeralPriv);
  const ephemeralPub = secp256k1.getPublicKey(ephemeralPriv, true);
  const sharedX = secp256k1.getSharedSecret(ephemeralPriv, recipientPub, true).subarray(1);
  const nonce = fixed.nonce ?? randomBytes(NONCE_BYTES);
  const aad = concat(Uint8Array.of(WRAPPED_KEY_V1), ephemeralPub, recipientPub);
  const sealed = await gcmEncrypt(wrappingKey(sharedX, ephemeralPub, recipientPub), nonce, dataKey, aad);
  return concat(Uint8Array.of(WRAPPED_KEY_V1), ephemeralPub, nonce, sealed);
}

export async function unwrapKey(wrapped: Uint8Array, recipientPriv: Uint8Array): Promise<Uint8Array> {
  if (wrapped.length !== WRAPPED_KEY_BYTES) throw new PrecisionCryptoError("E_FORMAT", `a wrapped key is ${WRAPPED_KEY_BYTES} bytes, got ${wrapped.length}`);
  if (wrapped[0] !== WRAPPED_KEY_V1) throw new PrecisionCryptoError("E_FORMAT", `unknown wrapped key version ${wrapped[0]}`);
  assertPrivateKey(recipientPriv);
  const ephemeralPub = wrapped.subarray(1, 34);
  let sharedX: Uint8Array;
  try {
    sharedX = secp256k1.getSharedSecret(recipientPriv, ephemeralPub, true).subarray(1);
  } catch {
    throw new PrecisionCryptoError("E_DECRYPT", "the wrapped key's ephemeral key is not a point on secp256k1");
  }
  const recipientPub = secp256k1.getPublicKey(recipientPriv, true);
  const aad = concat(Uint8Array.of(WRAPPED_KEY_V1), ephemeralPub, recipientPub);
  return gcmDecrypt(wrappingKey(sharedX, ephemeralPub, recipientPub), wrapped.subarray(34, 34 + NONCE_BYTES), wrapped.subarray(34 + NONCE_BYTES), aad);
}

/** Grants access: opens a key wrapped to the owner and wraps it again to a new reader. */
export async function rewrapKey(wrapped: Uint8Array, ownerPriv: Uint8Array, newRecipientPub: Uint8Array): Promise<Uint8Array> {
  return wrapKey(await unwrapKey(wrapped, ownerPriv), newRecipientPub);
}

/** A fresh key pair that data keys can be wrapped to (an organisation's encryption key). */
export function generateEncryptionKeyPair(): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const privateKey = secp256k1.utils.randomSecretKey();
  return { privateKey, publicKey: secp256k1.getPublicKey(privateKey, true) };
}
