import type { GeneratedType } from "@cosmjs/proto-signing";
import { Registry } from "@cosmjs/proto-signing";
import { defaultRegistryTypes } from "@cosmjs/stargate";
import { precisionRegistryTypes } from "@precision/proto";

/** The Cosmos SDK messages CosmJS knows, plus every Precision message and message response. */
export function createRegistry(): Registry {
  const precisionTypes = precisionRegistryTypes.map(([typeUrl, type]): [string, GeneratedType] => [
    typeUrl,
    type,
  ]);
  return new Registry([...defaultRegistryTypes, ...precisionTypes]);
}
