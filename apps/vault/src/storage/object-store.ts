import type { Readable } from "node:stream";

export interface StoredObject {
  /** Lowercase hex SHA-256 of the bytes: the object's address. */
  readonly sha256: string;
  readonly size: number;
}

export interface ObjectReader extends StoredObject {
  open(): Readable;
}

/** Ciphertext by content address. Implementations must never expose a partly written object. */
export interface ObjectStore {
  /**
   * Streams `body` in, checking it hashes to `expectedSha256` and stays within `maxBytes`.
   * `created` is false when the object was already stored (uploads are idempotent).
   */
  put(expectedSha256: string, body: Readable, maxBytes: number): Promise<StoredObject & { created: boolean }>;
  get(sha256: string): Promise<ObjectReader | undefined>;
}

export class ObjectTooLargeError extends Error {}
export class HashMismatchError extends Error {
  constructor(readonly actual: string) {
    super(`the body hashes to ${actual}`);
  }
}
