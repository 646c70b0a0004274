export { readEnv } from "./env.js";
export type { VaultEnv } from "./env.js";
export { startVault } from "./service.js";
export type { RunningVault } from "./service.js";
export { VAULT_ERRORS } from "./http/errors.js";
export type { VaultErrorCode } from "./http/errors.js";
