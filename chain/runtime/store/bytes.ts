/**
 * Byte helpers shared by the store. In-memory maps key entries by the key's latin1 string: each
 * byte becomes one UTF-16 code unit, so JavaScript's string order is exactly unsigned byte order
 * and comparisons run natively.
 */
export function keyString(key: Uint8Array): string {
  return latin1(key, 0, key.byteLength);
}

/** The latin1 string of `bytes[start, end)`: one code unit per byte, an exact name for those bytes. */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return latin1Slice.call(bytes, start, end);
}

/**
 * Node's native latin1 decoder, applied to the bytes directly: `Buffer.from(view).toString()`
 * allocates a Buffer per call and goes through three JavaScript layers, which made keyString the
 * top self-time entry of block execution. It accepts any ArrayBufferView; where a runtime lacks it,
 * the Buffer path gives the same string.
 */
const latin1Slice: (this: Uint8Array, start: number, end: number) => string =
  (Buffer.prototype as unknown as { latin1Slice?: (this: Uint8Array, start: number, end: number) => string }).latin1Slice ??
  function (this: Uint8Array, start: number, end: number): string {
    return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString("latin1", start, end);
  };

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

/** The smallest key greater than every key that starts with `prefix`; undefined if none exists. */
export function prefixEnd(prefix: Uint8Array): Uint8Array | undefined {
  let i = prefix.byteLength - 1;
  while (i >= 0 && prefix[i] === 0xff) i--;
  if (i < 0) return undefined;
  const end = Uint8Array.prototype.slice.call(prefix, 0, i + 1);
  end[i] = (end[i] ?? 0) + 1;
  return end;
}

/** A private copy; a plain Uint8Array so that small copies live on V8's heap, not as external buffers. */
export function copyBytes(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.byteLength);
  out.set(b);
  return out;
}
