import { parseAddress } from "../runtime/address/bech32-address.js";
import { parseCoins } from "../runtime/coins/coins.js";
import type { AuthGenesisJson, GenesisAccountJson } from "../modules/auth/module.js";
import type { BankGenesisJson } from "../modules/bank/module.js";
import type { IdentityGenesisJson } from "../modules/identity/module.js";
import { defaultGenesis as defaultIdentityGenesis } from "../modules/identity/types/genesis.js";
import { defaultGenesis as defaultAuthGenesis } from "../modules/auth/types/genesis.js";
import { defaultGenesis as defaultBankGenesis } from "../modules/bank/types/genesis.js";
import type { AccessGenesisJson } from "../modules/access/types/genesis.js";
import { defaultGenesis as defaultAccessGenesis } from "../modules/access/types/genesis.js";
import { defaultGenesis as defaultAlertsGenesis } from "../modules/alerts/types/genesis.js";
import { defaultGenesis as defaultRecordsGenesis } from "../modules/records/types/genesis.js";

export interface GenesisCoin {
  readonly denom: string;
  readonly amount: string;
}

export interface GenesisAccountInput {
  readonly address: string;
  readonly coins: readonly GenesisCoin[];
}

export interface AppState {
  auth: AuthGenesisJson;
  bank: BankGenesisJson;
  identity: IdentityGenesisJson;
  access: AccessGenesisJson;
  [module: string]: unknown;
}

export interface GenesisDoc {
  readonly genesis_time: string;
  readonly chain_id: string;
  readonly initial_height: string;
  readonly app_hash: string;
  readonly app_state: AppState;
}

export interface BuildGenesisInput {
  readonly chainId: string;
  /** RFC 3339 UTC; the CLI passes the time of `init`. */
  readonly genesisTime?: string;
  /** The consortium authority: signs every identity message and governs access params. */
  readonly authority?: string;
  readonly accounts?: readonly GenesisAccountInput[];
  /**
   * Identity records (proto3 JSON of precision.identity.v1 GenesisState minus the authority):
   * { organizations: [...], members: [...], devices: [...] }.
   */
  readonly identity?: Omit<IdentityGenesisJson, "authority">;
  /** Accounts of the vaults allowed to write the access log (access Params.vault_operators). */
  readonly vaultOperators?: readonly string[];
}

function sortCoins(coins: readonly GenesisCoin[]): GenesisCoin[] {
  const sorted = [...coins].sort((a, b) => (a.denom < b.denom ? -1 : a.denom > b.denom ? 1 : 0));
  parseCoins(sorted);
  return sorted;
}

/**
 * Adds (or tops up) a funded account, as `precisiond add-account` does: an auth BaseAccount with
 * the next account number and its bank balance. Returns a new app_state; the input is unchanged.
 */
export function addGenesisAccount(appState: AppState, account: GenesisAccountInput): AppState {
  const parsed = parseAddress(account.address);
  if (!parsed.ok) throw new Error(`invalid genesis account address ${account.address}: ${parsed.error.message}`);
  const coins = sortCoins(account.coins);
  const accounts: GenesisAccountJson[] = [...appState.auth.accounts];
  if (!accounts.some((a) => a.address === parsed.address)) {
    const next = accounts.reduce((n, a) => (BigInt(a.account_number) >= n ? BigInt(a.account_number) + 1n : n), 0n);
    accounts.push({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address: parsed.address, pub_key: null, account_number: next.toString(), sequence: "0" });
  }
  const balances = [...appState.bank.balances];
  const existing = balances.findIndex((b) => b.address === parsed.address);
  if (existing >= 0) {
    const merged = new Map<string, bigint>();
    for (const c of [...balances[existing]!.coins, ...coins]) merged.set(c.denom, (merged.get(c.denom) ?? 0n) + BigInt(c.amount));
    balances[existing] = { address: parsed.address, coins: sortCoins([...merged].map(([denom, amount]) => ({ denom, amount: amount.toString() }))) };
  } else {
    balances.push({ address: parsed.address, coins });
  }
  return { ...appState, auth: { ...appState.auth, accounts }, bank: { ...appState.bank, balances, supply: [] } };
}

export function defaultAppStateJson(): AppState {
  return {
    auth: defaultAuthGenesis(),
    bank: defaultBankGenesis(),
    identity: defaultIdentityGenesis(),
    records: defaultRecordsGenesis(),
    access: defaultAccessGenesis(),
    alerts: defaultAlertsGenesis(),
  };
}

/** A development genesis document: default module state plus funded accounts. */
export function buildGenesis(input: BuildGenesisInput): GenesisDoc {
  let appState = defaultAppStateJson();
  for (const account of input.accounts ?? []) appState = addGenesisAccount(appState, account);
  const accessParams = { ...(appState.access.params as Record<string, unknown>), authority: input.authority ?? "", vaultOperators: [...(input.vaultOperators ?? [])] };
  appState = {
    ...appState,
    identity: { ...appState.identity, ...(input.identity ?? {}), authority: input.authority ?? "" },
    access: { ...appState.access, params: accessParams },
  };
  return {
    genesis_time: input.genesisTime ?? "1970-01-01T00:00:00Z",
    chain_id: input.chainId,
    initial_height: "1",
    app_hash: "",
    app_state: appState,
  };
}
