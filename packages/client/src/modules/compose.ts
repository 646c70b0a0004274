import type { EncodeObject } from "@cosmjs/proto-signing";
import { createPagination } from "@cosmjs/stargate";

/** A generated message type: its full name and the `fromPartial` that normalises input. */
interface ComposableType<M, P> {
  readonly $type: string;
  fromPartial(object: P): M;
}

/** An EncodeObject whose typeUrl is the message's own. */
export interface TypedEncodeObject<Url extends string, M> extends EncodeObject {
  readonly typeUrl: Url;
  readonly value: M;
}

/**
 * A builder of EncodeObjects for one message type: fields normalised by `fromPartial`, so
 * numbers and strings are accepted where the wire type is a 64-bit integer.
 */
export function composerFor<Url extends string, M, P>(typeUrl: Url, type: ComposableType<M, P>) {
  if (typeUrl !== `/${type.$type}`) throw new Error(`${typeUrl} is not the type URL of ${type.$type}`);
  return (value: P): TypedEncodeObject<Url, M> => ({ typeUrl, value: type.fromPartial(value) });
}

/** A type guard for EncodeObjects of one type URL. */
export function hasTypeUrl<T extends EncodeObject>(typeUrl: T["typeUrl"]) {
  return (encodeObject: EncodeObject): encodeObject is T => encodeObject.typeUrl === typeUrl;
}

export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The node answered without ${what}`);
  return value;
}

export { createPagination };
