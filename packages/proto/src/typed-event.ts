/** A generated event message type: ts-proto's JSON codec plus its fully-qualified name. */
export interface TypedEventType<T, V extends string = string> {
  readonly $type: V;
  toJSON(message: T): unknown;
  fromJSON(object: unknown): T;
}

export interface TypedEventAttribute {
  readonly key: string;
  readonly value: string;
}

export interface TypedEvent<V extends string = string> {
  readonly type: V;
  readonly attributes: readonly TypedEventAttribute[];
}

function snakeCase(camel: string): string {
  return camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * The ABCI event for a typed event message, as the Cosmos SDK's TypedEventToEvent shapes it:
 * type = the message's full name, one attribute per field with the proto field name as key and
 * the field's proto-JSON as value (so strings keep their quotes). Default values are left out.
 */
export function encodeTypedEvent<T, V extends string>(
  type: TypedEventType<T, V>,
  message: T,
): TypedEvent<V> {
  const json = type.toJSON(message) as Record<string, unknown>;
  return {
    type: type.$type,
    attributes: Object.entries(json).map(([key, value]) => ({
      key: snakeCase(key),
      value: JSON.stringify(value),
    })),
  };
}

/** Reads an event produced by encodeTypedEvent back; throws if it is of another type. */
export function decodeTypedEvent<T, V extends string>(
  type: TypedEventType<T, V>,
  event: { readonly type: string; readonly attributes: readonly TypedEventAttribute[] },
): T {
  if (event.type !== type.$type) {
    throw new Error(`Expected a ${type.$type} event, got ${event.type}`);
  }
  const object: Record<string, unknown> = {};
  for (const { key, value } of event.attributes) {
    // Attributes the runtime adds itself, as the SDK does with "msg_index" and "mode", are not JSON.
    if (key === "msg_index" || key === "mode") continue;
    object[key] = JSON.parse(value);
  }
  return type.fromJSON(object);
}
