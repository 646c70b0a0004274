// ExecTxResult.encode(r).finish() of cosmjs-types, byte for byte, into one buffer of the exact
// size. The generic writer forks a state per nested Event and EventAttribute and queues one
// operation object per field; a block's results hold hundreds of thousands of such fields, and
// that garbage was the largest single allocation of block production.
import { ExecTxResult, type Event } from "cosmjs-types/tendermint/abci/types";
import { utf8Length, utf8Write } from "cosmjs-types/utf8";

// cosmjs-types writes lone surrogates its own way (not as U+FFFD, as Buffer does); any string
// with a surrogate goes through its encoder so the bytes stay the same.
const SURROGATE = /[\uD800-\uDFFF]/;

/** Nearly every string in events is short ASCII, which a loop measures and copies faster than a native call. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function stringLength(s: string): number {
  if (isAscii(s)) return s.length;
  return SURROGATE.test(s) ? utf8Length(s) : Buffer.byteLength(s, "utf8");
}

function varintLength(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5;
}

/** int64 fields are written as the varint of their two's complement (10 bytes when negative). */
function varint64Length(v: bigint): number {
  if (v >= 0n && v <= 0xffffffffn) return varintLength(Number(v));
  let u = BigInt.asUintN(64, v);
  let n = 1;
  while (u >= 0x80n) {
    u >>= 7n;
    n++;
  }
  return n;
}

class ExactWriter {
  readonly buf: Buffer;
  pos = 0;

  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(size);
  }

  varint(n: number): void {
    let v = n >>> 0;
    while (v >= 0x80) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.pos++] = v;
  }

  varint64(value: bigint): void {
    if (value >= 0n && value <= 0xffffffffn) {
      let v = Number(value);
      while (v >= 0x80) {
        this.buf[this.pos++] = (v & 0x7f) | 0x80;
        v = Math.floor(v / 128);
      }
      this.buf[this.pos++] = v;
      return;
    }
    let u = BigInt.asUintN(64, value);
    while (u >= 0x80n) {
      this.buf[this.pos++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    this.buf[this.pos++] = Number(u);
  }

  string(s: string, length: number): void {
    this.varint(length);
    if (length === s.length) {
      // Equal lengths mean every char took one byte: ASCII.
      const buf = this.buf;
      for (let i = 0, at = this.pos; i < length; i++, at++) buf[at] = s.charCodeAt(i);
    } else if (SURROGATE.test(s)) utf8Write(s, this.buf, this.pos);
    else this.buf.write(s, this.pos, length, "utf8");
    this.pos += length;
  }

  bytes(b: Uint8Array): void {
    this.varint(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
}

// Fields 1-2 (code, data) and 5-6 (gas wanted, gas used): the deterministic ones, which the full
// encoding writes around the log and info.
function codeAndDataLength(r: ExecTxResult): number {
  return (r.code !== 0 ? 1 + varintLength(r.code >>> 0) : 0) + (r.data.length !== 0 ? 1 + varintLength(r.data.length) + r.data.length : 0);
}

function gasLength(r: ExecTxResult): number {
  return (r.gasWanted !== 0n ? 1 + varint64Length(r.gasWanted) : 0) + (r.gasUsed !== 0n ? 1 + varint64Length(r.gasUsed) : 0);
}

function writeCodeAndData(w: ExactWriter, r: ExecTxResult): void {
  if (r.code !== 0) {
    w.buf[w.pos++] = 8;
    w.varint(r.code);
  }
  if (r.data.length !== 0) {
    w.buf[w.pos++] = 18;
    w.bytes(r.data);
  }
}

function writeGas(w: ExactWriter, r: ExecTxResult): void {
  if (r.gasWanted !== 0n) {
    w.buf[w.pos++] = 40;
    w.varint64(r.gasWanted);
  }
  if (r.gasUsed !== 0n) {
    w.buf[w.pos++] = 48;
    w.varint64(r.gasUsed);
  }
}

/** Byte lengths of every string and nested message, in the order they are written. */
function measure(r: ExecTxResult, lengths: number[]): number {
  const str = (s: string): number => {
    const n = stringLength(s);
    lengths.push(n);
    return 1 + varintLength(n) + n;
  };
  let size = codeAndDataLength(r) + gasLength(r);
  if (r.log !== "") size += str(r.log);
  if (r.info !== "") size += str(r.info);
  for (const e of r.events) {
    const slot = lengths.push(0) - 1;
    const n = measureEvent(e, lengths, str);
    lengths[slot] = n;
    size += 1 + varintLength(n) + n;
  }
  if (r.codespace !== "") size += str(r.codespace);
  return size;
}

function measureEvent(e: Event, lengths: number[], str: (s: string) => number): number {
  let size = 0;
  if (e.type !== "") size += str(e.type);
  for (const a of e.attributes) {
    const slot = lengths.push(0) - 1;
    let n = 0;
    if (a.key !== "") n += str(a.key);
    if (a.value !== "") n += str(a.value);
    if (a.index === true) n += 2;
    lengths[slot] = n;
    size += 1 + varintLength(n) + n;
  }
  return size;
}

export function encodeExecTxResult(r: ExecTxResult): Uint8Array {
  const known = encodedResults.get(r);
  if (known !== undefined) return known;
  const lengths: number[] = [];
  const w = new ExactWriter(measure(r, lengths));
  let next = 0;
  const str = (tag: number, s: string): void => {
    w.buf[w.pos++] = tag;
    w.string(s, lengths[next++]!);
  };
  writeCodeAndData(w, r);
  if (r.log !== "") str(26, r.log);
  if (r.info !== "") str(34, r.info);
  writeGas(w, r);
  for (const e of r.events) {
    w.buf[w.pos++] = 58;
    w.varint(lengths[next++]!);
    if (e.type !== "") str(10, e.type);
    for (const a of e.attributes) {
      w.buf[w.pos++] = 18;
      w.varint(lengths[next++]!);
      if (a.key !== "") str(10, a.key);
      if (a.value !== "") str(18, a.value);
      if (a.index === true) {
        w.buf[w.pos++] = 24;
        w.buf[w.pos++] = 1;
      }
    }
  }
  if (r.codespace !== "") str(66, r.codespace);
  if (w.pos !== w.buf.length) throw new Error(`ExecTxResult encoding wrote ${w.pos} of ${w.buf.length} bytes`);
  return new Uint8Array(w.buf.buffer, w.buf.byteOffset, w.buf.byteLength);
}

/** The deterministic fields only (code, data, gas wanted, gas used), as types/results.go hashes them. */
export function encodeDeterministicExecTxResult(r: ExecTxResult): Uint8Array {
  const w = new ExactWriter(codeAndDataLength(r) + gasLength(r));
  writeCodeAndData(w, r);
  writeGas(w, r);
  return new Uint8Array(w.buf.buffer, w.buf.byteOffset, w.buf.byteLength);
}

/** The bytes of each result made by `encodedExecTxResult`, which encodeExecTxResult hands back as they are. */
const encodedResults = new WeakMap<ExecTxResult, Uint8Array>();

/**
 * The same result, encoded at once, whose events are decoded again from those bytes only when
 * something reads them (an event subscriber, the ABCI socket, a test). FinalizeBlock returns a
 * whole block's results together, so events held as objects lived until the block's end: the young
 * generation copied and promoted them, and they were a quarter of what survived it. Assigning
 * `events` replaces them and forgets the bytes.
 */
export function encodedExecTxResult(result: ExecTxResult): ExecTxResult {
  const bytes = encodeExecTxResult(result);
  let events: Event[] | undefined;
  const lazy: ExecTxResult = {
    code: result.code,
    data: result.data,
    log: result.log,
    info: result.info,
    gasWanted: result.gasWanted,
    gasUsed: result.gasUsed,
    get events(): Event[] {
      events ??= ExecTxResult.decode(bytes).events;
      return events;
    },
    set events(value: Event[]) {
      events = value;
      encodedResults.delete(lazy);
    },
    codespace: result.codespace,
  };
  encodedResults.set(lazy, bytes);
  return lazy;
}
