import type { Params } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import { parseAddress } from "../../../runtime/address/bech32-address.js";
import { parseCoins, type Coin } from "../../../runtime/coins/coins.js";
import { DEFAULT_PARAMS, validateParams } from "./params.js";

interface CoinJson {
  readonly denom: string;
  readonly amount: string;
}

export interface BankGenesisJson {
  readonly params: { readonly send_enabled: readonly { denom: string; enabled: boolean }[]; readonly default_send_enabled: boolean };
  readonly balances: readonly { readonly address: string; readonly coins: readonly CoinJson[] }[];
  /** Empty means "the sum of the balances"; otherwise it must equal that sum. */
  readonly supply: readonly CoinJson[];
  readonly denom_metadata: readonly unknown[];
  readonly send_enabled: readonly unknown[];
}

export function defaultGenesis(): BankGenesisJson {
  return { params: paramsToJson(DEFAULT_PARAMS), balances: [], supply: [], denom_metadata: [], send_enabled: [] };
}

export function paramsToJson(p: Params): BankGenesisJson["params"] {
  return { send_enabled: p.sendEnabled.map((e) => ({ denom: e.denom, enabled: e.enabled })), default_send_enabled: p.defaultSendEnabled };
}

export interface ParsedBankGenesis {
  readonly params: Params;
  readonly balances: { readonly address: string; readonly coins: Coin[] }[];
  readonly supply: Coin[];
}

function coinsOf(json: readonly CoinJson[] | undefined, what: string): Coin[] {
  if (!Array.isArray(json)) throw new Error(`bank genesis: ${what} must be a list of coins`);
  try {
    return parseCoins(json.map((c) => ({ denom: String(c.denom), amount: String(c.amount) })));
  } catch (err) {
    throw new Error(`bank genesis: ${what}: ${(err as Error).message}`, { cause: err });
  }
}

/** x/bank/types/genesis.go Validate: addresses valid and unique, coins valid, supply = Σ balances. */
export function parseGenesis(json: unknown): ParsedBankGenesis {
  if (typeof json !== "object" || json === null) throw new Error("bank genesis must be an object");
  const g = json as BankGenesisJson;
  const p = g.params ?? defaultGenesis().params;
  const params: Params = {
    sendEnabled: (p.send_enabled ?? []).map((e) => ({ denom: e.denom, enabled: e.enabled })),
    defaultSendEnabled: p.default_send_enabled ?? true,
  };
  validateParams(params);
  const seen = new Set<string>();
  const totals = new Map<string, bigint>();
  const balances = (g.balances ?? []).map((b, i) => {
    const parsed = parseAddress(b.address);
    if (!parsed.ok) throw new Error(`bank genesis: balance ${i}: ${parsed.error.message}`);
    if (seen.has(parsed.address)) throw new Error(`bank genesis: duplicate balance for address ${parsed.address}`);
    seen.add(parsed.address);
    const coins = coinsOf(b.coins, `balance of ${parsed.address}`);
    for (const c of coins) totals.set(c.denom, (totals.get(c.denom) ?? 0n) + c.amount);
    return { address: parsed.address, coins };
  });
  const computed: Coin[] = [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([denom, amount]) => ({ denom, amount }));
  const declared = coinsOf(g.supply ?? [], "supply");
  if (declared.length > 0) {
    const same = declared.length === computed.length && declared.every((c, i) => c.denom === computed[i]?.denom && c.amount === computed[i]?.amount);
    if (!same) throw new Error("bank genesis: genesis supply is incorrect, expected the sum of all balances");
  }
  return { params, balances, supply: computed };
}
