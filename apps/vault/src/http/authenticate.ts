import { parseVaultAuthorization, verifyVaultRequest, type VaultRequestTarget } from "@precision/client";
import { VaultError } from "./errors.js";

/**
 * Nonces seen within the signature window. A nonce is refused a second time for as long as its
 * request could still be valid, so a captured request cannot be replayed.
 */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowSeconds: number) {}

  /** False when the nonce was already used. */
  claim(signer: string, nonce: string, nowSeconds: number): boolean {
    this.sweep(nowSeconds);
    const key = `${signer}:${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, nowSeconds + 2 * this.windowSeconds);
    return true;
  }

  private sweep(now: number): void {
    for (const [key, expires] of this.seen) {
      if (expires > now) break;
      this.seen.delete(key);
    }
  }
}

/** The signer's address, or a VaultError saying exactly what is wrong with the signature. */
export function authenticate(header: string | undefined, target: VaultRequestTarget, nonces: NonceCache, windowSeconds: number, nowSeconds: number): string {
  if (header === undefined || header === "") throw new VaultError("E_UNSIGNED", "this request must be signed (Authorization: Precision-Vault-V1 …)");
  const auth = parseVaultAuthorization(header);
  if (auth === undefined) throw new VaultError("E_BAD_SIGNATURE", "the Authorization header is not a well-formed Precision-Vault-V1 signature");
  if (Math.abs(nowSeconds - auth.timestamp) > windowSeconds) {
    throw new VaultError("E_STALE_SIGNATURE", `the signature's timestamp is more than ${windowSeconds} s from the vault's clock`);
  }
  if (!verifyVaultRequest(auth, target)) throw new VaultError("E_BAD_SIGNATURE", "the signature does not match this request and key");
  if (!nonces.claim(auth.address, auth.nonce, nowSeconds)) throw new VaultError("E_REPLAY", "this nonce was already used; sign every request afresh");
  return auth.address;
}
