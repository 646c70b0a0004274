// Requests to the vault are signed by the caller's account key: the vault learns who reads (for
// the access check and the access log) without passwords or sessions, and a captured request
// cannot be replayed (fresh nonce, short validity window).
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { randomBytes, utf8 } from "../crypto/aead.js";
import { addressFromPubkey } from "../keys.js";

export const VAULT_AUTH_SCHEME = "Precision-Vault-V1";
/** The body hash of a request without one (GET). */
export const EMPTY_BODY = "";

export interface VaultRequestTarget {
  readonly method: string;
  /** Path and query exactly as sent, e.g. "/v1/records/obs-1". */
  readonly path: string;
  /** Lowercase hex SHA-256 of the body for uploads; EMPTY_BODY otherwise. */
  readonly bodySha256: string;
}

export interface VaultAuthorization {
  readonly publicKey: Uint8Array;
  readonly address: string;
  readonly timestamp: number;
  readonly nonce: string;
  readonly signature: Uint8Array;
}

/** What is signed: SHA-256 over a canonical, newline-separated rendering of the request. */
export function vaultSigningDigest(target: VaultRequestTarget, timestamp: number, nonce: string): Uint8Array {
  return sha256(utf8([VAULT_AUTH_SCHEME, target.method.toUpperCase(), target.path, String(timestamp), nonce, target.bodySha256].join("\n")));
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromB64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The Authorization header value for a request, signed with the caller's secp256k1 key. */
export function signVaultRequest(target: VaultRequestTarget, privateKey: Uint8Array, options: { now?: number; nonce?: string } = {}): string {
  const timestamp = options.now ?? Math.floor(Date.now() / 1000);
  const nonce = options.nonce ?? bytesToHex(randomBytes(16));
  const publicKey = secp256k1.getPublicKey(privateKey, true);
  const signature = secp256k1.sign(vaultSigningDigest(target, timestamp, nonce), privateKey, { prehash: false, lowS: true, format: "compact" });
  return `${VAULT_AUTH_SCHEME} pubkey=${b64(publicKey)},timestamp=${timestamp},nonce=${nonce},signature=${b64(signature)}`;
}

/** Parses an Authorization header; undefined when it is not a well-formed vault signature. */
export function parseVaultAuthorization(header: string | undefined): VaultAuthorization | undefined {
  if (header === undefined || !header.startsWith(`${VAULT_AUTH_SCHEME} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(VAULT_AUTH_SCHEME.length + 1).split(",")) {
    const at = part.indexOf("=");
    if (at <= 0) return undefined;
    fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const pubkey = fields.get("pubkey");
  const timestamp = Number(fields.get("timestamp"));
  const nonce = fields.get("nonce") ?? "";
  const signature = fields.get("signature");
  if (pubkey === undefined || signature === undefined || !Number.isSafeInteger(timestamp) || !/^[0-9a-f]{32}$/.test(nonce)) return undefined;
  try {
    const publicKey = fromB64(pubkey);
    return { publicKey, address: addressFromPubkey(publicKey), timestamp, nonce, signature: fromB64(signature) };
  } catch {
    return undefined;
  }
}

/** True when the signature is the key's low-S signature over this request. */
export function verifyVaultRequest(auth: VaultAuthorization, target: VaultRequestTarget): boolean {
  if (auth.signature.length !== 64) return false;
  try {
    return secp256k1.verify(auth.signature, vaultSigningDigest(target, auth.timestamp, auth.nonce), auth.publicKey, { prehash: false, lowS: true });
  } catch {
    return false;
  }
}
