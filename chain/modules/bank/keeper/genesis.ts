import { toProtoCoin } from "../../../runtime/coins/coins.js";
import type { Context } from "../../../runtime/context/context.js";
import { type BankGenesisJson, paramsToJson, parseGenesis } from "../types/genesis.js";
import type { BankKeeper } from "./keeper.js";

/** Balances are minted into place, so the supply is exactly their sum. */
export function initGenesis(ctx: Context, keeper: BankKeeper, json: unknown): void {
  const genesis = parseGenesis(json);
  keeper.setParams(ctx, genesis.params);
  for (const b of genesis.balances) keeper.mintToAccount(ctx, b.address, b.coins);
}

export function exportGenesis(ctx: Context, keeper: BankKeeper): BankGenesisJson {
  const supply = keeper.getTotalSupply(ctx, { key: new Uint8Array(), offset: 0n, limit: BigInt(Number.MAX_SAFE_INTEGER), countTotal: false, reverse: false });
  return {
    params: paramsToJson(keeper.getParams(ctx)),
    balances: keeper
      .allBalances(ctx)
      .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))
      .map((b) => ({ address: b.address, coins: b.coins.map(toProtoCoin) })),
    supply: supply.items.map(toProtoCoin),
    denom_metadata: [],
    send_enabled: [],
  };
}
