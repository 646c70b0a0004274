export type CryptoErrorCode =
  /** Bytes that are not one of our formats (wrong version, wrong length, truncated). */
  | "E_FORMAT"
  /** Authentication failed: wrong key, or ciphertext, nonce, tag or associated data altered. */
  | "E_DECRYPT"
  /** A key that is not usable (wrong length, not a point on the curve). */
  | "E_KEY";

export class PrecisionCryptoError extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "PrecisionCryptoError";
  }
}
