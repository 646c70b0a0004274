/**
 * Seals small secrets (a staff member's signing mnemonic) under a server-side key-encryption
 * secret. WebCrypto only: HKDF-SHA-256 derives a per-purpose AES-256-GCM key from the secret, and
 * the context (for example the user id) is bound in as associated data, so a sealed value copied
 * onto another row does not open.
 *
 * Format: `v1.<base64url iv>.<base64url ciphertext+tag>`.
 */
const VERSION = "v1";
const HKDF_SALT = new TextEncoder().encode("precision/secret-box/v1");
const IV_BYTES = 12;
const MIN_SECRET_BYTES = 32;

export class SecretBoxError extends Error {
  constructor(
    readonly code: "weak_secret" | "malformed" | "unsealable",
    message: string,
  ) {
    super(message);
    this.name = "SecretBoxError";
  }
}

function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]+$/.test(text))
    throw new SecretBoxError("malformed", "sealed value is not base64url");
  return new Uint8Array(Buffer.from(text, "base64url"));
}

type AesKey = Awaited<ReturnType<typeof crypto.subtle.deriveKey>>;

async function deriveKey(secret: string, purpose: string): Promise<AesKey> {
  const secretBytes = new TextEncoder().encode(secret);
  if (secretBytes.length < MIN_SECRET_BYTES) {
    throw new SecretBoxError(
      "weak_secret",
      `the key-encryption secret must be at least ${MIN_SECRET_BYTES} bytes`,
    );
  }
  const material = await crypto.subtle.importKey("raw", secretBytes, "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: HKDF_SALT, info: new TextEncoder().encode(purpose) },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

export interface SecretBoxContext {
  /** What the secret is for, e.g. "staff-signing-key". Keys for different purposes differ. */
  readonly purpose: string;
  /** Whose secret it is, e.g. the user id; bound as associated data. */
  readonly owner: string;
}

export async function sealSecret(
  plaintext: string,
  secret: string,
  context: SecretBoxContext,
): Promise<string> {
  const key = await deriveKey(secret, context.purpose);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(context.owner) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return `${VERSION}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
}

export async function openSecret(
  sealed: string,
  secret: string,
  context: SecretBoxContext,
): Promise<string> {
  const parts = sealed.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION)
    throw new SecretBoxError("malformed", "sealed value has an unknown format");
  const iv = fromBase64Url(parts[1]!);
  const body = fromBase64Url(parts[2]!);
  if (iv.length !== IV_BYTES || body.length < 16)
    throw new SecretBoxError("malformed", "sealed value is truncated");
  const key = await deriveKey(secret, context.purpose);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(context.owner) },
      key,
      body,
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new SecretBoxError(
      "unsealable",
      "sealed value does not open with this secret and context",
    );
  }
}
