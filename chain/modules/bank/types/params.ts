import type { Params } from "cosmjs-types/cosmos/bank/v1beta1/bank";

export const DEFAULT_PARAMS: Params = { sendEnabled: [], defaultSendEnabled: true };

export function validateParams(params: Params): void {
  const seen = new Set<string>();
  for (const entry of params.sendEnabled) {
    if (seen.has(entry.denom)) throw new Error(`bank params: duplicate send_enabled denom ${entry.denom}`);
    seen.add(entry.denom);
  }
}

export function isSendEnabled(params: Params, denom: string): boolean {
  return params.sendEnabled.find((e) => e.denom === denom)?.enabled ?? params.defaultSendEnabled;
}
