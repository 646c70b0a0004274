import type { BinaryReader, BinaryWriter } from "@bufbuild/protobuf/wire";

/**
 * The shape every generated message exposes. It is structurally what CosmJS's `Registry`
 * accepts as a ts-proto 2 type, plus the fully-qualified name that ts-proto annotates.
 * Method syntax on purpose: parameters stay bivariant, so every concrete message type fits.
 */
export interface ProtoMessageType<V extends string = string> {
  readonly $type: V;
  encode(message: unknown, writer?: BinaryWriter): BinaryWriter;
  decode(input: BinaryReader | Uint8Array, length?: number): unknown;
  fromPartial(object: unknown): unknown;
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
