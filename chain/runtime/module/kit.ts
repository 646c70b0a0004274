// Small pieces every module's keeper and msg server need, so each module states only its rules.
import { encodeTypedEvent, type ModuleErrorDefinition, type Timestamp } from "@precision/proto";
import { wireSchemas } from "@precision/proto/wire-schemas";
import { parseAddress } from "../address/bech32-address.js";
import type { Context } from "../context/context.js";
import { registerError, type RegisteredError } from "../errors/registry.js";
import { ErrInvalidAddress } from "../errors/sdk-errors.js";
import type { ChainEvent } from "../events/event-manager.js";
import type { MsgResult } from "../router/msg-router.js";
import { schemaFromTable, type Schema } from "../tx/unknown-fields.js";

const encoder = new TextEncoder();

/** Registers a module's error table (from @precision/proto) and returns its errors by key. */
export function registerModuleErrors<K extends string>(errors: Record<K, ModuleErrorDefinition>): Record<K, RegisteredError> {
  const out = {} as Record<K, RegisteredError>;
  for (const key of Object.keys(errors) as K[]) {
    const row = errors[key];
    out[key] = registerError(row.codespace, row.code, row.message);
  }
  return out;
}

const messageSchemas = new Map<string, Schema>();

/** The wire schema of a generated Precision message (a MsgRoute's `schema`), from @precision/proto's table. */
export function messageSchema(type: { readonly $type: string }): Schema {
  return schemaFromTable(wireSchemas, type.$type, messageSchemas);
}

/** A bech32 "prec" account address in canonical form; sdk code 7 otherwise. */
export function requireAccountAddress(address: string, field: string): string {
  const parsed = parseAddress(address);
  if (!parsed.ok) throw ErrInvalidAddress.wrap(`invalid ${field} address ${JSON.stringify(address)}: ${parsed.error.contexts.join(": ")}`);
  return parsed.address;
}

export function blockTimestamp(ctx: Context): Timestamp {
  return { seconds: ctx.blockTime.seconds, nanos: ctx.blockTime.nanos };
}

interface TypedEventType<T> {
  readonly $type: string;
  toJSON(message: T): unknown;
  fromJSON(object: unknown): T;
}

/** A typed proto event as an ABCI event (the SDK's TypedEventToEvent), every attribute indexed. */
export function typedEvent<T>(type: TypedEventType<T>, message: T): ChainEvent {
  const event = encodeTypedEvent(type, message);
  return { type: event.type, attributes: event.attributes.map((a) => ({ key: a.key, value: a.value, index: true })) };
}

interface ResponseType<R> {
  readonly $type: string;
  encode(message: R): { finish(): Uint8Array };
}

/** A handler's `Msg…Response`, packed for TxMsgData.msg_responses. */
export function respond<R>(type: ResponseType<R>, value: R): MsgResult {
  return { response: { typeUrl: `/${type.$type}`, value: type.encode(value).finish() } };
}

/** Store keys: byte parts, strings (UTF-8) and length-prefixed strings concatenated. */
export function storeKey(...parts: (Uint8Array | readonly number[] | string)[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === "string" ? encoder.encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A key component that cannot run into the next one: one length byte, then the UTF-8 text. */
export function lengthPrefixed(text: string): Uint8Array {
  const bytes = encoder.encode(text);
  if (bytes.length > 255) throw new Error(`key component too long: ${bytes.length} bytes`);
  return storeKey([bytes.length], bytes);
}

const U64_MAX = (1n << 64n) - 1n;

/** An unsigned 64-bit number, big-endian, so keys sort numerically. */
export function u64Key(n: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, n);
  return out;
}

/** Like u64Key, but larger numbers sort first (newest-first indexes). */
export function descendingU64Key(n: bigint): Uint8Array {
  return u64Key(U64_MAX - n);
}

export function readU64(bytes: Uint8Array): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0);
}
