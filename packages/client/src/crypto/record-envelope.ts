import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { concat, gcmDecrypt, gcmEncrypt, KEY_BYTES, NONCE_BYTES, randomBytes, TAG_BYTES, utf8 } from "./aead.js";
import { PrecisionCryptoError } from "./errors.js";

/**
 * A record at rest: version ‖ 12-byte nonce ‖ AES-256-GCM(ciphertext ‖ tag) under a fresh data key
 * per record. The associated data binds the format version and, when given, the record id, so an
 * envelope moved under another record's id does not open.
 */
export const RECORD_ENVELOPE_V1 = 0x01;
const DOMAIN = utf8("precision/record/v1");

export interface SealedRecord {
  readonly envelope: Uint8Array;
  /** 32 random bytes; wrap it for each reader, never store it in the clear. */
  readonly dataKey: Uint8Array;
  /** Lowercase hex SHA-256 of the envelope: the vault's content address and the chain's anchor. */
  readonly contentHash: string;
}

function aad(recordId: string | undefined): Uint8Array {
  return concat(DOMAIN, Uint8Array.of(0, RECORD_ENVELOPE_V1, 0), utf8(recordId ?? ""));
}

export function contentHash(envelope: Uint8Array): string {
  return bytesToHex(sha256(envelope));
}

export async function encryptRecord(plaintext: Uint8Array, options: { recordId?: string; dataKey?: Uint8Array } = {}): Promise<SealedRecord> {
  const dataKey = options.dataKey ?? randomBytes(KEY_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = await gcmEncrypt(dataKey, nonce, plaintext, aad(options.recordId));
  const envelope = concat(Uint8Array.of(RECORD_ENVELOPE_V1), nonce, sealed);
  return { envelope, dataKey, contentHash: contentHash(envelope) };
}

export async function decryptRecord(envelope: Uint8Array, dataKey: Uint8Array, options: { recordId?: string } = {}): Promise<Uint8Array> {
  if (envelope.length < 1 + NONCE_BYTES + TAG_BYTES) throw new PrecisionCryptoError("E_FORMAT", "record envelope is truncated");
  if (envelope[0] !== RECORD_ENVELOPE_V1) throw new PrecisionCryptoError("E_FORMAT", `unknown record envelope version ${envelope[0]}`);
  return gcmDecrypt(dataKey, envelope.subarray(1, 1 + NONCE_BYTES), envelope.subarray(1 + NONCE_BYTES), aad(options.recordId));
}
