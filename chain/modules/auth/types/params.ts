import type { Params } from "cosmjs-types/cosmos/auth/v1beta1/auth";

/** The SDK's x/auth defaults (x/auth/types/params.go). */
export const DEFAULT_PARAMS: Params = {
  maxMemoCharacters: 256n,
  txSigLimit: 7n,
  txSizeCostPerByte: 10n,
  sigVerifyCostEd25519: 590n,
  sigVerifyCostSecp256k1: 1000n,
};

export function validateParams(params: Params): void {
  for (const [name, value] of Object.entries(params) as [string, bigint][]) {
    if (value <= 0n) throw new Error(`invalid auth params: ${name} must be positive, got ${value}`);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`invalid auth params: ${name} is too large`);
  }
}
