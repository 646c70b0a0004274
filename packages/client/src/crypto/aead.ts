import { PrecisionCryptoError } from "./errors.js";

export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

// WebCrypto wants ArrayBuffer-backed views; copying also detaches callers' buffers from ours.
const own = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);

async function importKey(key: Uint8Array): Promise<AesKey> {
  if (key.length !== KEY_BYTES) throw new PrecisionCryptoError("E_KEY", `an AES-256 key is ${KEY_BYTES} bytes, got ${key.length}`);
  return crypto.subtle.importKey("raw", own(key), "AES-GCM", false, ["encrypt", "decrypt"]);
}

/** AES-256-GCM (WebCrypto): ciphertext ‖ 16-byte tag. */
export async function gcmEncrypt(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  if (nonce.length !== NONCE_BYTES) throw new PrecisionCryptoError("E_FORMAT", `a GCM nonce is ${NONCE_BYTES} bytes`);
  const out = await crypto.subtle.encrypt({ name: "AES-GCM", iv: own(nonce), additionalData: own(aad), tagLength: 128 }, await importKey(key), own(plaintext));
  return new Uint8Array(out);
}

export async function gcmDecrypt(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  if (nonce.length !== NONCE_BYTES) throw new PrecisionCryptoError("E_FORMAT", `a GCM nonce is ${NONCE_BYTES} bytes`);
  if (sealed.length < TAG_BYTES) throw new PrecisionCryptoError("E_FORMAT", "ciphertext shorter than its tag");
  const aesKey = await importKey(key);
  try {
    const out = await crypto.subtle.decrypt({ name: "AES-GCM", iv: own(nonce), additionalData: own(aad), tagLength: 128 }, aesKey, own(sealed));
    return new Uint8Array(out);
  } catch {
    throw new PrecisionCryptoError("E_DECRYPT", "decryption failed: wrong key, or the data or its context was altered");
  }
}

export function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
