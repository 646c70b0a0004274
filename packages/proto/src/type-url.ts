import type { BinaryReader, BinaryWriter } from "@bufbuild/protobuf/wire";

/**
 * The shape every generated message exposes. It is structurally what CosmJS's `Registry`
 * accepts as a ts-proto 2 type, plus the fully-qualified name that ts-proto annotates.
 */
export interface ProtoMessageType<V extends string = string> {
  readonly $type: V;
  readonly encode: (message: never, writer?: BinaryWriter) => BinaryWriter;
  readonly decode: (input: BinaryReader | Uint8Array, length?: number) => unknown;
  readonly fromPartial: (object: never) => unknown;
}

export type TypeUrl<V extends string> = `/${V}`;

/** The `Any` type URL of a generated message, e.g. "/precision.identity.v1.MsgAddMember". */
export function typeUrlOf<V extends string>(type: { readonly $type: V }): TypeUrl<V> {
  return `/${type.$type}`;
}

export type RegistryEntry = readonly [typeUrl: string, type: ProtoMessageType];

export function registryEntries(types: readonly ProtoMessageType[]): readonly RegistryEntry[] {
  return types.map((type) => [typeUrlOf(type), type] as const);
}
