// A patient's recovery phrase at rest in their browser: AES-256-GCM under a key stretched from their
// passphrase with PBKDF2-SHA-256 (WebCrypto), so the phrase never leaves the device in the clear.

export interface Keystore {
  readonly version: 1;
  /** The account the phrase opens, for display before unlocking. */
  readonly address: string;
  readonly kdf: { readonly name: "PBKDF2-SHA-256"; readonly iterations: number; readonly salt: string };
  readonly iv: string;
  readonly ciphertext: string;
}

export class KeystoreError extends Error {
  constructor(
    readonly code: "E_PASSPHRASE" | "E_FORMAT",
    message: string,
  ) {
    super(message);
  }
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const KEYSTORE_ITERATIONS = 600_000;
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function stretch(passphrase: string, salt: Uint8Array, iterations: number) {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

export async function lockMnemonic(mnemonic: string, passphrase: string, address: string, iterations = KEYSTORE_ITERATIONS): Promise<Keystore> {
  if (passphrase.length < 8) throw new KeystoreError("E_PASSPHRASE", "a passphrase has at least 8 characters");
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await stretch(passphrase, salt, iterations);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: new TextEncoder().encode(address) }, key, new TextEncoder().encode(mnemonic)));
  return { version: 1, address, kdf: { name: "PBKDF2-SHA-256", iterations, salt: b64(salt) }, iv: b64(iv), ciphertext: b64(sealed) };
}

export async function unlockMnemonic(keystore: Keystore, passphrase: string): Promise<string> {
  if (keystore?.version !== 1 || keystore.kdf?.name !== "PBKDF2-SHA-256") throw new KeystoreError("E_FORMAT", "this keystore is not one this portal made");
  const key = await stretch(passphrase, unb64(keystore.kdf.salt), keystore.kdf.iterations);
  try {
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: unb64(keystore.iv), additionalData: new TextEncoder().encode(keystore.address) }, key, unb64(keystore.ciphertext));
    return new TextDecoder().decode(plain);
  } catch {
    throw new KeystoreError("E_PASSPHRASE", "wrong passphrase");
  }
}
