/**
 * One protobuf length-delimited field, written by hand so that tests can build envelopes no
 * encoder writes: fields out of order or repeated, and lengths padded with `padLength` redundant
 * continuation bytes.
 */
export function lengthDelimitedField(field: number, value: Uint8Array, padLength = 0): number[] {
  const length: number[] = [];
  let v = value.length;
  while (v >= 0x80) {
    length.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  length.push(v);
  for (let i = 0; i < padLength; i++) {
    length[length.length - 1]! |= 0x80;
    length.push(0);
  }
  return [(field << 3) | 2, ...length, ...value];
}
