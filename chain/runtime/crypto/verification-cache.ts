import { keyString as latin1 } from "../store/bytes.js";

/**
 * Remembers signatures that verified, keyed by (sign-bytes digest, pubkey, signature). Validity is
 * a pure function of that triple, so a hit may skip the curve arithmetic in FinalizeBlock without
 * affecting determinism: a miss simply verifies again. Only successes are cached.
 */
export class VerificationCache {
  private readonly entries = new Set<string>();

  constructor(private readonly capacity = 200_000) {}

  static key(digest: Uint8Array, pubkey: Uint8Array, signature: Uint8Array): string {
    return latin1(digest) + latin1(pubkey) + latin1(signature);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  add(key: string): void {
    if (this.entries.has(key)) return;
    if (this.entries.size >= this.capacity) {
      // Sets iterate in insertion order: drop the oldest.
      const oldest = this.entries.values().next().value as string;
      this.entries.delete(oldest);
    }
    this.entries.add(key);
  }

  /** Drops an entry once its tx is in a block; a later replay would fail its sequence check anyway. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
