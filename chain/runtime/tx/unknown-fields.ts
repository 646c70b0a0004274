/**
 * The SDK's unknown-field rejection (codec/unknownproto) for the tx envelope, driven by a small
 * schema of the messages CosmJS produces. A field the schema does not know is rejected, unless
 * its number has bit 11 set (the SDK's "non-critical" marker) and the caller allows those.
 */
type WireType = 0 | 1 | 2 | 5;

interface FieldSpec {
  readonly wire: WireType;
  /** A repeated scalar, which may also arrive packed (wire type 2). */
  readonly packed?: boolean;
  /** Schema of an embedded message, checked recursively. */
  readonly message?: Schema;
}

export type Schema = { readonly [field: number]: FieldSpec };

/** A message's wire shape as @precision/proto's generated `wireSchemas` table gives it: nested messages by full name. */
export type WireTable = {
  readonly [fullName: string]: { readonly [field: number]: { readonly wire: WireType; readonly packed?: boolean; readonly message?: string } };
};

/** The schema of message `fullName` from a wire table, nested messages linked (recursive types included). */
export function schemaFromTable(table: WireTable, fullName: string, built = new Map<string, Schema>()): Schema {
  const done = built.get(fullName);
  if (done !== undefined) return done;
  const fields = table[fullName];
  if (fields === undefined) throw new Error(`no wire schema for ${fullName}; regenerate @precision/proto`);
  const schema: Record<number, FieldSpec> = {};
  built.set(fullName, schema);
  for (const [number, f] of Object.entries(fields)) {
    schema[Number(number)] = { wire: f.wire, packed: f.packed, message: f.message === undefined ? undefined : schemaFromTable(table, f.message, built) };
  }
  return schema;
}

const NON_CRITICAL_BIT = 1 << 10;

const varint: FieldSpec = { wire: 0 };
const bytes: FieldSpec = { wire: 2 };
const any: Schema = { 1: bytes, 2: bytes };
const coin: Schema = { 1: bytes, 2: bytes };
/** cosmos.base.v1beta1.Coin. */
export const COIN_SCHEMA = coin;
/** cosmos.crypto.secp256k1.PubKey, the value of a signer's public key Any. */
export const SECP256K1_PUBKEY_SCHEMA: Schema = { 1: bytes };
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
  // Every broadcast tx's envelope goes through here: no views, closures or path strings are
  // made unless it fails.
  checkFields(buf, 0, buf.length, schema, allowNonCritical, path, []);
}

function wireError(root: string, fields: readonly number[], detail: string): WireError {
  return new WireError(`${[root, ...fields].join(".")}: ${detail}`);
}

/** Position of the reader; the walk is synchronous, so one cursor serves every nesting level. */
let at = 0;

/** The varint at `at` (advancing it), or -1 if it runs past `end`, or -2 if it is over 10 bytes. */
function readVarint(buf: Uint8Array, end: number): number {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (at >= end) return -1;
    const b = buf[at++] as number;
    if (shift < 49) result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return result;
    shift += 7;
    if (shift > 63) return -2;
  }
}

function readVarintOrThrow(buf: Uint8Array, end: number, root: string, fields: readonly number[]): number {
  const v = readVarint(buf, end);
  if (v === -1) throw wireError(root, fields, "truncated varint");
  if (v === -2) throw wireError(root, fields, "varint too long");
  return v;
}

function checkFields(buf: Uint8Array, start: number, end: number, schema: Schema, allowNonCritical: boolean, root: string, fields: number[]): void {
  at = start;
  while (at < end) {
    const tag = readVarintOrThrow(buf, end, root, fields);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (field === 0) throw wireError(root, fields, "illegal field number 0");
    const spec = schema[field];
    if (spec === undefined) {
      if (!(allowNonCritical && (field & NON_CRITICAL_BIT) !== 0)) throw wireError(root, fields, `unknown field ${field} (wire type ${wire})`);
    } else if (spec.wire !== wire && !(spec.packed === true && wire === 2)) {
      throw wireError(root, fields, `field ${field} has wire type ${wire}, expected ${spec.wire}`);
    }
    switch (wire) {
      case 0:
        readVarintOrThrow(buf, end, root, fields);
        break;
      case 1:
        at += 8;
        break;
      case 5:
        at += 4;
        break;
      case 2: {
        const len = readVarintOrThrow(buf, end, root, fields);
        const fieldEnd = at + len;
        if (fieldEnd > end) throw wireError(root, fields, `field ${field} overruns the buffer`);
        if (spec?.message !== undefined) {
          fields.push(field);
          checkFields(buf, at, fieldEnd, spec.message, allowNonCritical, root, fields);
          fields.pop();
        }
        at = fieldEnd;
        break;
      }
      default:
        throw wireError(root, fields, `unsupported wire type ${wire}`);
    }
    if (at > end) throw wireError(root, fields, `truncated field ${field}`);
  }
}
