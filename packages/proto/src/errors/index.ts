export type { ModuleErrorDefinition } from "./module-error.js";
export { IDENTITY_CODESPACE, identityErrors, identityErrorTable } from "./identity.js";
export type { IdentityErrorName } from "./identity.js";
