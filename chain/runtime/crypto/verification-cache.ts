import { latin1 } from "../store/bytes.js";

/** Where a key's parts are laid end to end, so the key is read as one flat string. */
let scratch = new Uint8Array(32 + 33 + 64);

/**
 * Remembers signatures that verified, keyed by (sign-bytes digest, pubkey, signature). Validity is
 * a pure function of that triple, so a hit may skip the curve arithmetic in FinalizeBlock without
 * affecting determinism: a miss simply verifies again. Only successes are cached.
 */
export class VerificationCache {
  private readonly entries = new Set<string>();

  constructor(private readonly capacity = 200_000) {}

  /**
   * digest ‖ pubkey ‖ signature as one latin1 string. Joining three strings made a rope that the
   * set had to flatten, a copy, on every lookup. (Digests and keys have fixed lengths, so the
   * parts cannot run into each other.)
   */
  static key(digest: Uint8Array, pubkey: Uint8Array, signature: Uint8Array): string {
    const length = digest.length + pubkey.length + signature.length;
    if (scratch.length < length) scratch = new Uint8Array(length);
    scratch.set(digest, 0);
    scratch.set(pubkey, digest.length);
    scratch.set(signature, digest.length + pubkey.length);
    return latin1(scratch, 0, length);
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
