import { WireError } from "./unknown-fields.js";

const BODY_BYTES = 1;
const AUTH_INFO_BYTES = 2;
const BYTES_WIRE_TYPE = 2;

/**
 * ADR-027 for the TxRaw envelope, as the SDK's tx decoder enforces it (rejectNonADR027TxRaw):
 * fields in ascending order, body_bytes and auth_info_bytes at most once (only signatures
 * repeat), every field length-delimited, and varints as short as possible. The signature covers
 * the body and auth-info bytes but not this envelope, so without the rule anyone could re-encode
 * a broadcast tx (fields swapped, a length padded to two bytes) into a valid tx with another
 * hash, and a client waiting for the hash it sent would never see its tx committed. The SDK checks
 * the minimality of length prefixes only; this also checks the tags', which no encoder pads either.
 */
export function rejectNonCanonicalTxRaw(txBytes: Uint8Array): void {
  let at = 0;
  let previous = 0;
  const varint = (what: string): number => {
    const start = at;
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= txBytes.length) throw new WireError(`TxRaw: truncated ${what}`);
      if (shift > 28) throw new WireError(`TxRaw: ${what} too long`);
      const b = txBytes[at++] as number;
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) {
        if (b === 0 && at - start > 1) throw new WireError(`TxRaw: ${what} is not as short as possible (ADR-027)`);
        return value;
      }
    }
  };
  while (at < txBytes.length) {
    const tag = varint("field tag");
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire !== BYTES_WIRE_TYPE) throw new WireError(`TxRaw: field ${field} has wire type ${wire}, expected ${BYTES_WIRE_TYPE}`);
    if (field < previous) throw new WireError(`TxRaw must follow ADR-027: field ${field} after field ${previous}`);
    if (field === previous && (field === BODY_BYTES || field === AUTH_INFO_BYTES)) {
      throw new WireError(`TxRaw must follow ADR-027: field ${field} appears more than once`);
    }
    previous = field;
    const length = varint(`length of field ${field}`);
    if (length > txBytes.length - at) throw new WireError(`TxRaw: field ${field} overruns the buffer`);
    at += length;
  }
}
