/** Every refusal the vault gives, with its HTTP status. Codes are stable: clients branch on them. */
export const VAULT_ERRORS = {
  E_BAD_REQUEST: 400,
  E_UNSIGNED: 401,
  E_BAD_SIGNATURE: 401,
  E_STALE_SIGNATURE: 401,
  E_REPLAY: 401,
  E_FORBIDDEN: 403,
  E_UNKNOWN_ACCOUNT: 403,
  E_NOT_FOUND: 404,
  E_METHOD: 405,
  E_TOO_LARGE: 413,
  E_HASH_MISMATCH: 422,
  E_CHAIN_UNAVAILABLE: 503,
  E_INTERNAL: 500,
} as const;

export type VaultErrorCode = keyof typeof VAULT_ERRORS;

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get status(): number {
    return VAULT_ERRORS[this.code];
  }
}
