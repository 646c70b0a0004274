export { PrecisionCryptoError, type CryptoErrorCode } from "./errors.js";
export { contentHash, decryptRecord, encryptRecord, RECORD_ENVELOPE_V1, type SealedRecord } from "./record-envelope.js";
export { generateEncryptionKeyPair, rewrapKey, unwrapKey, wrapKey, WRAPPED_KEY_BYTES, WRAPPED_KEY_V1 } from "./key-wrap.js";
export { decryptStream, encryptStream, SEGMENT_BYTES, STREAM_V1 } from "./stream.js";
export { grantKeysFor } from "./grant-keys.js";
