import { accessRegistryTypes } from "./access.js";
import { alertsRegistryTypes } from "./alerts.js";
import { identityRegistryTypes } from "./identity.js";
import { recordsRegistryTypes } from "./records.js";
import type { RegistryEntry } from "./type-url.js";

/** `[typeUrl, type]` for every Precision message and message response, for a CosmJS Registry. */
export const precisionRegistryTypes: readonly RegistryEntry[] = [
  ...identityRegistryTypes,
  ...recordsRegistryTypes,
  ...accessRegistryTypes,
  ...alertsRegistryTypes,
];
