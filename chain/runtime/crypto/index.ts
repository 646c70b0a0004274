export { COMPRESSED_PUBKEY_LENGTH, isHighS, secp256k1Backend, SIGNATURE_LENGTH, verifySecp256k1Digest } from "./secp256k1-verify.js";
export { InlineSignatureVerifier, WorkerPoolSignatureVerifier } from "./signature-verifier.js";
export type { SignatureVerifier, VerifyRequest, WorkerPoolOptions } from "./signature-verifier.js";
export { VerificationCache } from "./verification-cache.js";
