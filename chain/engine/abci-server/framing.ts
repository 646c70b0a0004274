// CometBFT's ABCI socket framing: each message is uvarint(length) ‖ protobuf bytes.

export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export class FramingError extends Error {}

export function encodeFrame(message: Uint8Array): Uint8Array {
  const prefix: number[] = [];
  let n = message.length;
  while (n >= 0x80) {
    prefix.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  prefix.push(n);
  const out = new Uint8Array(prefix.length + message.length);
  out.set(prefix, 0);
  out.set(message, prefix.length);
  return out;
}

/** Accumulates TCP chunks and yields whole frames, however the bytes were split or coalesced. */
export class FrameDecoder {
  private buffer = new Uint8Array(0);

  push(chunk: Uint8Array): Uint8Array[] {
    const merged = new Uint8Array(this.buffer.length + chunk.length);
    merged.set(this.buffer, 0);
    merged.set(chunk, this.buffer.length);
    this.buffer = merged;
    const frames: Uint8Array[] = [];
    for (;;) {
      let length = 0;
      let shift = 1;
      let offset = 0;
      let complete = false;
      while (offset < this.buffer.length && offset < 10) {
        const byte = this.buffer[offset++]!;
        length += (byte & 0x7f) * shift;
        shift *= 128;
        if ((byte & 0x80) === 0) {
          complete = true;
          break;
        }
      }
      if (!complete) {
        if (offset >= 10) throw new FramingError("malformed length prefix");
        break;
      }
      if (length > MAX_MESSAGE_BYTES)
        throw new FramingError(`message of ${length} bytes exceeds ${MAX_MESSAGE_BYTES}`);
      if (this.buffer.length - offset < length) break;
      frames.push(this.buffer.slice(offset, offset + length));
      this.buffer = this.buffer.slice(offset + length);
    }
    return frames;
  }
}
