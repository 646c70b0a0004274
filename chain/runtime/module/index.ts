export type { AppModule, ServiceRegistrar } from "./app-module.js";
export { blockTimestamp, descendingU64Key, lengthPrefixed, readU64, registerModuleErrors, requireAccountAddress, respond, storeKey, typedEvent, u64Key } from "./kit.js";
export { isWrappedKey, RECORD_ID_PATTERN, SLUG_PATTERN, WRAPPED_KEY_BYTES, WRAPPED_KEY_VERSION } from "./formats.js";
