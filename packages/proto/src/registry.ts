import { identityRegistryTypes } from "./identity.js";
import type { RegistryEntry } from "./type-url.js";

/** `[typeUrl, type]` for every Precision message and message response, for a CosmJS Registry. */
export const precisionRegistryTypes: readonly RegistryEntry[] = [...identityRegistryTypes];
