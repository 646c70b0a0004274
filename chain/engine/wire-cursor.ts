// A minimal protobuf wire-format cursor for the engine's reads of encoded messages it stored
// itself (blocks, results): it finds fields by number and hands back byte ranges, with no objects
// and no copies. Malformed input throws MalformedWireError.

export const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

export class MalformedWireError extends Error {}

/** A cursor over one message's bytes; a nested message is read with another cursor. */
export class WireCursor {
  constructor(
    public bytes: Uint8Array,
    public at: number,
    public end: number,
  ) {}

  /** Points this cursor at another message, so a hot loop reuses one cursor instead of making one per message. */
  reset(bytes: Uint8Array, at: number, end: number): WireCursor {
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
      if (this.at >= this.end) throw new MalformedWireError("truncated varint");
      const b = this.bytes[this.at++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
    throw new MalformedWireError("varint too long");
  }

  /** A bool: a varint of up to ten bytes, true if any of its bits is set. */
  flag(): boolean {
    let set = false;
    for (let i = 0; i < 10; i++) {
      if (this.at >= this.end) throw new MalformedWireError("truncated varint");
      const b = this.bytes[this.at++]!;
      if ((b & 0x7f) !== 0) set = true;
      if (b < 0x80) return set;
    }
    throw new MalformedWireError("varint too long");
  }

  /** The range of a length-delimited field's payload; the cursor moves past it. */
  delimited(): number {
    const length = this.varint();
    const start = this.at;
    if (length > this.end - start) throw new MalformedWireError("length-delimited field runs past its message");
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
          if (i === 10 || this.at >= this.end) throw new MalformedWireError("bad varint");
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
        throw new MalformedWireError(`unsupported wire type ${wireType}`);
    }
  }

  private advance(n: number): void {
    if (n > this.end - this.at) throw new MalformedWireError("truncated fixed-width field");
    this.at += n;
  }
}
