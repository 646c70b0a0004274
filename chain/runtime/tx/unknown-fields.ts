/**
 * The SDK's unknown-field rejection (codec/unknownproto) for the tx envelope, driven by a small
 * schema of the messages CosmJS produces. A field the schema does not know is rejected, unless
 * its number has bit 11 set (the SDK's "non-critical" marker) and the caller allows those.
 */
type WireType = 0 | 1 | 2 | 5;

interface FieldSpec {
  readonly wire: WireType;
  /** Schema of an embedded message, checked recursively. */
  readonly message?: Schema;
}

export type Schema = { readonly [field: number]: FieldSpec };

const NON_CRITICAL_BIT = 1 << 10;

const varint: FieldSpec = { wire: 0 };
const bytes: FieldSpec = { wire: 2 };
const any: Schema = { 1: bytes, 2: bytes };
const coin: Schema = { 1: bytes, 2: bytes };
const timestamp: Schema = { 1: varint, 2: varint };
const compactBitArray: Schema = { 1: varint, 2: bytes };
const modeInfo: Schema = {};
const modeInfoSingle: Schema = { 1: varint };
const modeInfoMulti: Schema = { 1: { wire: 2, message: compactBitArray }, 2: { wire: 2, message: modeInfo } };
Object.assign(modeInfo, { 1: { wire: 2, message: modeInfoSingle }, 2: { wire: 2, message: modeInfoMulti } });

export const TX_RAW_SCHEMA: Schema = { 1: bytes, 2: bytes, 3: bytes };

export const TX_BODY_SCHEMA: Schema = {
  1: { wire: 2, message: any },
  2: bytes,
  3: varint,
  4: varint,
  5: { wire: 2, message: timestamp },
  1023: { wire: 2, message: any },
  2047: { wire: 2, message: any },
};

const signerInfo: Schema = { 1: { wire: 2, message: any }, 2: { wire: 2, message: modeInfo }, 3: varint };
const fee: Schema = { 1: { wire: 2, message: coin }, 2: varint, 3: bytes, 4: bytes };
const tip: Schema = { 1: { wire: 2, message: coin }, 2: bytes };

export const AUTH_INFO_SCHEMA: Schema = {
  1: { wire: 2, message: signerInfo },
  2: { wire: 2, message: fee },
  3: { wire: 2, message: tip },
};

export class WireError extends Error {}

/** Throws WireError on malformed protobuf or on a field the schema rejects. */
export function rejectUnknownFields(buf: Uint8Array, schema: Schema, allowNonCritical: boolean, path = "msg"): void {
  let pos = 0;
  const readVarint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= buf.length) throw new WireError(`${path}: truncated varint`);
      const b = buf[pos++] as number;
      if (shift < 49) result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
      if (shift > 63) throw new WireError(`${path}: varint too long`);
    }
  };
  while (pos < buf.length) {
    const tag = readVarint();
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (field === 0) throw new WireError(`${path}: illegal field number 0`);
    const spec = schema[field];
    if (spec === undefined) {
      if (!(allowNonCritical && (field & NON_CRITICAL_BIT) !== 0)) {
        throw new WireError(`${path}: unknown field ${field} (wire type ${wire})`);
      }
    } else if (spec.wire !== wire) {
      throw new WireError(`${path}: field ${field} has wire type ${wire}, expected ${spec.wire}`);
    }
    switch (wire) {
      case 0:
        readVarint();
        break;
      case 1:
        pos += 8;
        break;
      case 5:
        pos += 4;
        break;
      case 2: {
        const len = readVarint();
        const end = pos + len;
        if (end > buf.length) throw new WireError(`${path}: field ${field} overruns the buffer`);
        if (spec?.message !== undefined) {
          rejectUnknownFields(buf.subarray(pos, end), spec.message, allowNonCritical, `${path}.${field}`);
        }
        pos = end;
        break;
      }
      default:
        throw new WireError(`${path}: unsupported wire type ${wire}`);
    }
    if (pos > buf.length) throw new WireError(`${path}: truncated field ${field}`);
  }
}
