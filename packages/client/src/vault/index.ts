export { EMPTY_BODY, parseVaultAuthorization, signVaultRequest, VAULT_AUTH_SCHEME, vaultSigningDigest, verifyVaultRequest } from "./request-signing.js";
export type { VaultAuthorization, VaultRequestTarget } from "./request-signing.js";
