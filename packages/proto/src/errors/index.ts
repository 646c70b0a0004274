export type { ModuleErrorDefinition } from "./module-error.js";
export { IDENTITY_CODESPACE, identityErrors, identityErrorTable } from "./identity.js";
export type { IdentityErrorName } from "./identity.js";
export { internalErrorTable, SDK_CODESPACE, sdkErrorTable, UNDEFINED_CODESPACE } from "./sdk.js";
export type { SdkErrorName } from "./sdk.js";
