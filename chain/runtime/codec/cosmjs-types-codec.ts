import { BinaryReader, BinaryWriter } from "cosmjs-types/binary";
import { utf8Read } from "cosmjs-types/utf8";

/**
 * Two allocation fixes to cosmjs-types 0.11's codec, both with identical output:
 * - BinaryWriter.alloc builds a fresh 8 KiB slab pool on every call, so each
 *   `encode(...).finish()` allocates 8 KiB however small the message; in block execution that
 *   was a tenth of the CPU time plus most of the GC. Exact-size buffers are what the pool was
 *   meant to approximate.
 * - BinaryReader.string decodes UTF-8 in JavaScript through a temporary array of char codes per
 *   string, which made decoding txs the largest source of garbage in CheckTx. The native decoder
 *   gives the same string for valid UTF-8; anything else still goes through cosmjs-types' own
 *   decoder, so even malformed strings decode exactly as before.
 */
let patched = false;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function useLeanProtobufCodec(): void {
  if (patched) return;
  patched = true;
  BinaryWriter.alloc = (size: number): Uint8Array => new Uint8Array(size);
  BinaryReader.prototype.string = function string(this: BinaryReader): string {
    const bytes = this.bytes();
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return utf8Read(bytes, 0, bytes.length);
    }
  };
}

useLeanProtobufCodec();
