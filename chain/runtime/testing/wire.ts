import { BinaryWriter } from "cosmjs-types/binary";

/**
 * One protobuf length-delimited field (field numbers below 16), written so that tests can build
 * envelopes no encoder writes: fields out of order or repeated, and lengths padded with
 * `padLength` redundant continuation bytes.
 */
export function lengthDelimitedField(field: number, value: Uint8Array, padLength = 0): number[] {
  const length = [...new BinaryWriter().uint32(value.length).finish()];
  for (let i = 0; i < padLength; i++) {
    length[length.length - 1]! |= 0x80;
    length.push(0);
  }
  return [(field << 3) | 2, ...length, ...value];
}
