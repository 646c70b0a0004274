import { BinaryReader, BinaryWriter } from "cosmjs-types/binary";
import { utf8Read } from "cosmjs-types/utf8";
import { int64FromString, int64Length, writeVarint64 } from "cosmjs-types/varint";
import { latin1 } from "../store/bytes.js";

/**
 * A cosmjs-types reader over `bytes` themselves. The reader's constructor copies its input, so
 * every decode allocated a private buffer (with its own native backing store) that the decoded
 * fields then kept alive as views. Views into the caller's bytes are only safe while those bytes
 * never change: use this for tx bytes, which nothing mutates once received.
 */
export function readerOver(bytes: Uint8Array): BinaryReader {
  const reader = new BinaryReader();
  reader.buf = bytes;
  reader.pos = 0;
  reader.len = bytes.length;
  return reader;
}

/**
 * One correctness fix to cosmjs-types 0.11's codec: BinaryWriter.int64 (and uint64, which is the
 * same function) writes values in [2^31, 2^32) wrongly. It splits a value into signed 32-bit
 * halves, and writeVarint64 stops after one byte when the high half is 0 and the low one reads as
 * negative: 4294967295 came out as ff 00 00 00 00 where protobuf (and the Go SDK) write
 * ff ff ff ff 0f. Passing the low half unsigned gives the right bytes there and the same bytes as
 * before everywhere else. Seconds of a Timestamp (block and vote times) reach 2^31 in January
 * 2038; gas limits, heights and account numbers can reach it sooner.
 *
 * Allocation fixes to cosmjs-types 0.11's codec, all with identical output:
 * - BinaryWriter.alloc builds a fresh 8 KiB slab pool on every call, so each
 *   `encode(...).finish()` allocates 8 KiB however small the message; in block execution that
 *   was a tenth of the CPU time plus most of the GC. Exact-size buffers are what the pool was
 *   meant to approximate.
 * - BinaryReader.string decodes UTF-8 in JavaScript through a temporary array of char codes per
 *   string, which made decoding txs the largest source of garbage in CheckTx. The native decoder
 *   gives the same string for valid UTF-8; anything else still goes through cosmjs-types' own
 *   decoder, so even malformed strings decode exactly as before. ASCII, which is nearly every
 *   string in a tx (type URLs, addresses, denoms, amounts), is read without a view or a decoder.
 * - Short strings are interned: a mempool tx's decoding lives until its block, and the same
 *   type URLs, denoms and addresses recur in tx after tx, so each decoding holds the shared copy
 *   and the collector has fewer young strings to copy and promote.
 */
let patched = false;

const INTERN_MAX_LENGTH = 64;
const INTERN_CAPACITY = 8192;
const interned = new Map<string, string>();

function intern(s: string): string {
  if (s.length > INTERN_MAX_LENGTH) return s;
  const known = interned.get(s);
  if (known !== undefined) return known;
  // Bounded: when full it starts over, which costs only sharing.
  if (interned.size >= INTERN_CAPACITY) interned.clear();
  interned.set(s, s);
  return s;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function useLeanProtobufCodec(): void {
  if (patched) return;
  patched = true;
  // `uint64` is an instance field set from `prototype.int64` by the constructor, so writers made
  // from now on get the fixed one for both.
  BinaryWriter.prototype.int64 = function int64(this: BinaryWriter, value: string | number | bigint): BinaryWriter {
    const { lo, hi } = int64FromString(value.toString());
    const push = (this as unknown as { _push(fn: typeof writeVarint64, len: number, val: { lo: number; hi: number }): BinaryWriter })._push;
    return push.call(this, writeVarint64, int64Length(lo, hi), { lo: lo >>> 0, hi });
  };
  BinaryWriter.alloc = (size: number): Uint8Array => new Uint8Array(size);
  BinaryReader.prototype.string = function string(this: BinaryReader): string {
    // BinaryReader.bytes() without the view: the length, then the bounds check.
    const length = this.uint32();
    const start = this.pos;
    this.pos += length;
    this.assertBounds();
    const end = this.pos;
    const buf = this.buf;
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (buf[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return intern(latin1(buf, start, end));
    const bytes = buf.subarray(start, end);
    try {
      return intern(strictUtf8.decode(bytes));
    } catch {
      return utf8Read(bytes, 0, bytes.length);
    }
  };
}

useLeanProtobufCodec();
