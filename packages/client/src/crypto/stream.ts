import { concat, gcmDecrypt, gcmEncrypt, KEY_BYTES, randomBytes, TAG_BYTES, utf8 } from "./aead.js";
import { PrecisionCryptoError } from "./errors.js";

/**
 * Large records (imaging) in constant memory: the STREAM construction (Hoang, Reyhanitabar, Rogaway,
 * Vizár) over AES-256-GCM. Segments of SEGMENT_BYTES plaintext; segment i's nonce is
 * prefix (7 random bytes) ‖ u32 i ‖ last-flag, so reordering, dropping or truncating segments fails
 * to decrypt, and a stream cut at a segment boundary is caught by the missing last flag.
 *
 * Format: version 0x02 ‖ prefix (7) ‖ segment₀ ‖ segment₁ ‖ … where each segment is its
 * ciphertext ‖ 16-byte tag (SEGMENT_BYTES + 16 bytes, the last one shorter).
 */
export const STREAM_V1 = 0x02;
export const SEGMENT_BYTES = 64 * 1024;
const PREFIX_BYTES = 7;
export const STREAM_HEADER_BYTES = 1 + PREFIX_BYTES;
const MAX_SEGMENTS = 2 ** 32 - 1;

function nonce(prefix: Uint8Array, index: number, last: boolean): Uint8Array {
  const n = new Uint8Array(12);
  n.set(prefix, 0);
  new DataView(n.buffer).setUint32(PREFIX_BYTES, index);
  n[11] = last ? 1 : 0;
  return n;
}

function aad(recordId: string | undefined): Uint8Array {
  return concat(utf8("precision/record-stream/v1"), Uint8Array.of(0), utf8(recordId ?? ""));
}

/** Re-chunks any byte stream into fixed-size pieces, holding back one piece to know which is last. */
async function* segments(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<{ bytes: Uint8Array; last: boolean }> {
  let buffer: Uint8Array = new Uint8Array(0);
  let pending: Uint8Array | undefined;
  for await (const chunk of source) {
    buffer = buffer.length === 0 ? chunk : concat(buffer, chunk);
    while (buffer.length > size) {
      if (pending) yield { bytes: pending, last: false };
      pending = buffer.slice(0, size);
      buffer = buffer.subarray(size);
    }
  }
  if (buffer.length === 0 && pending) {
    yield { bytes: pending, last: true };
    return;
  }
  if (pending) yield { bytes: pending, last: false };
  yield { bytes: buffer, last: true };
}

export async function* encryptStream(source: AsyncIterable<Uint8Array>, dataKey: Uint8Array, options: { recordId?: string } = {}): AsyncGenerator<Uint8Array> {
  if (dataKey.length !== KEY_BYTES) throw new PrecisionCryptoError("E_KEY", `a data key is ${KEY_BYTES} bytes`);
  const prefix = randomBytes(PREFIX_BYTES);
  const ad = aad(options.recordId);
  yield concat(Uint8Array.of(STREAM_V1), prefix);
  let index = 0;
  for await (const { bytes, last } of segments(source, SEGMENT_BYTES)) {
    if (index >= MAX_SEGMENTS) throw new PrecisionCryptoError("E_FORMAT", "stream too long");
    yield await gcmEncrypt(dataKey, nonce(prefix, index++, last), bytes, ad);
  }
}

export async function* decryptStream(source: AsyncIterable<Uint8Array>, dataKey: Uint8Array, options: { recordId?: string } = {}): AsyncGenerator<Uint8Array> {
  const ad = aad(options.recordId);
  let header: Uint8Array | undefined;
  let prefix: Uint8Array | undefined;
  let index = 0;
  let sawLast = false;
  async function* body(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      if (prefix) {
        yield chunk;
        continue;
      }
      header = header ? concat(header, chunk) : chunk;
      if (header.length < STREAM_HEADER_BYTES) continue;
      if (header[0] !== STREAM_V1) throw new PrecisionCryptoError("E_FORMAT", `unknown stream version ${header[0]}`);
      prefix = header.slice(1, STREAM_HEADER_BYTES);
      if (header.length > STREAM_HEADER_BYTES) yield header.subarray(STREAM_HEADER_BYTES);
    }
  }
  for await (const { bytes, last } of segments(body(), SEGMENT_BYTES + TAG_BYTES)) {
    if (!prefix) break;
    if (sawLast) throw new PrecisionCryptoError("E_DECRYPT", "data after the final segment");
    yield await gcmDecrypt(dataKey, nonce(prefix, index++, last), bytes, ad);
    sawLast = last;
  }
  if (!prefix) throw new PrecisionCryptoError("E_FORMAT", "stream is shorter than its header");
  if (!sawLast) throw new PrecisionCryptoError("E_DECRYPT", "stream was truncated");
}
