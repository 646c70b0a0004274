// Reads the indexed event attributes of an encoded ExecTxResult straight from its wire format.
// The tx index needs only where each type, key and value lies: it copies the value's bytes into
// its row as they are, so decoding the result into objects and strings, then encoding the strings
// again, was most of the index thread's work.

/** Byte ranges in `bytes` of one attribute marked `index`: its event's type, its key and its value. */
export type IndexedAttributeVisitor = (
  bytes: Uint8Array,
  typeStart: number,
  typeEnd: number,
  keyStart: number,
  keyEnd: number,
  valueStart: number,
  valueEnd: number,
) => void;

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

const EXEC_TX_RESULT_EVENTS = 7;
const EVENT_TYPE = 1;
const EVENT_ATTRIBUTES = 2;
const ATTRIBUTE_KEY = 1;
const ATTRIBUTE_VALUE = 2;
const ATTRIBUTE_INDEX = 3;

export class MalformedResultError extends Error {}

/** A cursor over one message's bytes; a nested message is read with another cursor. */
class Cursor {
  constructor(
    public bytes: Uint8Array,
    public at: number,
    public end: number,
  ) {}

  /** Points this cursor at another message (cursors are reused: this runs per attribute). */
  reset(bytes: Uint8Array, at: number, end: number): Cursor {
    this.bytes = bytes;
    this.at = at;
    this.end = end;
    return this;
  }

  get done(): boolean {
    return this.at >= this.end;
  }

  /** An unsigned varint that fits a length or a tag (up to 2^53); longer ones are malformed. */
  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (this.at >= this.end) throw new MalformedResultError("truncated varint");
      const b = this.bytes[this.at++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
    throw new MalformedResultError("varint too long");
  }

  /** A bool: a varint of up to ten bytes, true if any of its bits is set. */
  flag(): boolean {
    let set = false;
    for (let i = 0; i < 10; i++) {
      if (this.at >= this.end) throw new MalformedResultError("truncated varint");
      const b = this.bytes[this.at++]!;
      if ((b & 0x7f) !== 0) set = true;
      if (b < 0x80) return set;
    }
    throw new MalformedResultError("varint too long");
  }

  /** The range of a length-delimited field's payload; the cursor moves past it. */
  delimited(): number {
    const length = this.varint();
    const start = this.at;
    if (length > this.end - start) throw new MalformedResultError("length-delimited field runs past its message");
    this.at = start + length;
    return start;
  }

  /**
   * Moves past fields until the next length-delimited `field` and returns where its payload
   * starts (the cursor is then past it); -1 once the message ends.
   */
  nextDelimited(field: number): number {
    while (!this.done) {
      const tag = this.varint();
      if (tag >>> 3 === field && (tag & 7) === WIRE_LENGTH_DELIMITED) return this.delimited();
      this.skip(tag & 7);
    }
    return -1;
  }

  skip(wireType: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        for (let i = 0; ; i++) {
          if (i === 10 || this.at >= this.end) throw new MalformedResultError("bad varint");
          if (this.bytes[this.at++]! < 0x80) return;
        }
      case WIRE_FIXED64:
        this.advance(8);
        return;
      case WIRE_LENGTH_DELIMITED:
        this.delimited();
        return;
      case WIRE_FIXED32:
        this.advance(4);
        return;
      default:
        throw new MalformedResultError(`unsupported wire type ${wireType}`);
    }
  }

  private advance(n: number): void {
    if (n > this.end - this.at) throw new MalformedResultError("truncated fixed-width field");
    this.at += n;
  }
}

/**
 * Calls `visit` for every attribute with `index` set, in the order the events and attributes were
 * encoded. As in protobuf decoding, the last occurrence of a singular field wins and unknown
 * fields are skipped. Throws MalformedResultError on bytes that are not an ExecTxResult.
 */
export function forEachIndexedAttribute(result: Uint8Array, visit: IndexedAttributeVisitor): void {
  const top = new Cursor(result, 0, result.length);
  const event = new Cursor(result, 0, 0);
  const attribute = new Cursor(result, 0, 0);
  for (let start = top.nextDelimited(EXEC_TX_RESULT_EVENTS); start >= 0; start = top.nextDelimited(EXEC_TX_RESULT_EVENTS)) {
    visitEvent(event.reset(result, start, top.at), attribute, visit);
  }
}

function visitEvent(event: Cursor, attribute: Cursor, visit: IndexedAttributeVisitor): void {
  // The type may follow the attributes on the wire, so it is found first.
  const first = event.at;
  let typeStart = 0;
  let typeEnd = 0;
  for (let start = event.nextDelimited(EVENT_TYPE); start >= 0; start = event.nextDelimited(EVENT_TYPE)) {
    typeStart = start;
    typeEnd = event.at;
  }
  event.at = first;
  for (let start = event.nextDelimited(EVENT_ATTRIBUTES); start >= 0; start = event.nextDelimited(EVENT_ATTRIBUTES)) {
    attribute.reset(event.bytes, start, event.at);
    let keyStart = 0;
    let keyEnd = 0;
    let valueStart = 0;
    let valueEnd = 0;
    let index = false;
    while (!attribute.done) {
      const t = attribute.varint();
      const field = t >>> 3;
      const wire = t & 7;
      if (field === ATTRIBUTE_KEY && wire === WIRE_LENGTH_DELIMITED) {
        keyStart = attribute.delimited();
        keyEnd = attribute.at;
      } else if (field === ATTRIBUTE_VALUE && wire === WIRE_LENGTH_DELIMITED) {
        valueStart = attribute.delimited();
        valueEnd = attribute.at;
      } else if (field === ATTRIBUTE_INDEX && wire === WIRE_VARINT) {
        index = attribute.flag();
      } else attribute.skip(wire);
    }
    if (index) visit(event.bytes, typeStart, typeEnd, keyStart, keyEnd, valueStart, valueEnd);
  }
}
