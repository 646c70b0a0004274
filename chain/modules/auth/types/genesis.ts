import type { Params } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { parseAddress } from "../../../runtime/address/bech32-address.js";
import { DEFAULT_PARAMS, validateParams } from "./params.js";
import { BASE_ACCOUNT_TYPE_URL } from "./keys.js";

/** One account in genesis JSON, in the SDK's shape (`@type` BaseAccount, numbers as strings). */
export interface GenesisAccountJson {
  readonly "@type": string;
  readonly address: string;
  readonly pub_key: { readonly "@type": string; readonly key: string } | null;
  readonly account_number: string;
  readonly sequence: string;
}

export interface AuthGenesisJson {
  readonly params: {
    readonly max_memo_characters: string;
    readonly tx_sig_limit: string;
    readonly tx_size_cost_per_byte: string;
    readonly sig_verify_cost_ed25519: string;
    readonly sig_verify_cost_secp256k1: string;
  };
  readonly accounts: readonly GenesisAccountJson[];
}

export function paramsToJson(p: Params): AuthGenesisJson["params"] {
  return {
    max_memo_characters: p.maxMemoCharacters.toString(),
    tx_sig_limit: p.txSigLimit.toString(),
    tx_size_cost_per_byte: p.txSizeCostPerByte.toString(),
    sig_verify_cost_ed25519: p.sigVerifyCostEd25519.toString(),
    sig_verify_cost_secp256k1: p.sigVerifyCostSecp256k1.toString(),
  };
}

const UINT = /^\d+$/;

function uint(value: unknown, what: string): bigint {
  if (typeof value !== "string" || !UINT.test(value)) throw new Error(`auth genesis: ${what} must be a decimal string`);
  return BigInt(value);
}

export function paramsFromJson(json: AuthGenesisJson["params"]): Params {
  return {
    maxMemoCharacters: uint(json.max_memo_characters, "max_memo_characters"),
    txSigLimit: uint(json.tx_sig_limit, "tx_sig_limit"),
    txSizeCostPerByte: uint(json.tx_size_cost_per_byte, "tx_size_cost_per_byte"),
    sigVerifyCostEd25519: uint(json.sig_verify_cost_ed25519, "sig_verify_cost_ed25519"),
    sigVerifyCostSecp256k1: uint(json.sig_verify_cost_secp256k1, "sig_verify_cost_secp256k1"),
  };
}

export function defaultGenesis(): AuthGenesisJson {
  return { params: paramsToJson(DEFAULT_PARAMS), accounts: [] };
}

export interface ParsedGenesisAccount {
  readonly address: string;
  readonly pubKey: Uint8Array | undefined;
  readonly accountNumber: bigint;
  readonly sequence: bigint;
}

/** Validates auth genesis (x/auth/types/genesis.go ValidateGenesis) and returns it parsed. */
export function parseGenesis(json: unknown): { params: Params; accounts: ParsedGenesisAccount[] } {
  if (typeof json !== "object" || json === null) throw new Error("auth genesis must be an object");
  const g = json as AuthGenesisJson;
  const params = paramsFromJson(g.params ?? defaultGenesis().params);
  validateParams(params);
  const accounts: ParsedGenesisAccount[] = [];
  const seenAddresses = new Set<string>();
  const seenNumbers = new Set<bigint>();
  for (const [i, a] of (g.accounts ?? []).entries()) {
    if (a["@type"] !== BASE_ACCOUNT_TYPE_URL) throw new Error(`auth genesis: account ${i} has unsupported type ${a["@type"]}`);
    const parsed = parseAddress(a.address);
    if (!parsed.ok) throw new Error(`auth genesis: account ${i}: ${parsed.error.message}`);
    if (seenAddresses.has(parsed.address)) throw new Error(`auth genesis: duplicate account found in genesis state; address: ${parsed.address}`);
    const accountNumber = uint(a.account_number, `account ${i} account_number`);
    if (seenNumbers.has(accountNumber)) throw new Error(`auth genesis: duplicate account number ${accountNumber}`);
    seenAddresses.add(parsed.address);
    seenNumbers.add(accountNumber);
    let pubKey: Uint8Array | undefined;
    if (a.pub_key !== null && a.pub_key !== undefined) {
      if (a.pub_key["@type"] !== "/cosmos.crypto.secp256k1.PubKey") throw new Error(`auth genesis: account ${i} has an unsupported pub_key type`);
      pubKey = Uint8Array.from(Buffer.from(a.pub_key.key, "base64"));
      if (pubKey.length !== 33) throw new Error(`auth genesis: account ${i} pub_key must be 33 bytes`);
    }
    accounts.push({ address: parsed.address, pubKey, accountNumber, sequence: uint(a.sequence, `account ${i} sequence`) });
  }
  return { params, accounts };
}
