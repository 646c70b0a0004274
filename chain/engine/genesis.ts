// CometBFT's genesis.json (types/genesis.go), so the same file drives the embedded engine and a
// real CometBFT network.
import { readFileSync } from "node:fs";
import type { RequestInitChain } from "cosmjs-types/tendermint/abci/types";
import type { ConsensusParams } from "cosmjs-types/tendermint/types/params";
import { fromBase64, parseRfc3339, toBase64, toHex, utf8 } from "./encoding.js";
import { ed25519Address } from "./validator-key.js";

export interface GenesisValidatorJson {
  address: string;
  pub_key: { type: string; value: string };
  power: string;
  name: string;
}

export interface GenesisDoc {
  genesis_time: string;
  chain_id: string;
  initial_height: string;
  consensus_params: {
    block: { max_bytes: string; max_gas: string };
    evidence: { max_age_num_blocks: string; max_age_duration: string; max_bytes: string };
    validator: { pub_key_types: string[] };
    version: { app: string };
    abci: { vote_extensions_enable_height: string };
  };
  validators: GenesisValidatorJson[];
  app_hash: string;
  app_state: unknown;
}

export interface GenesisValidator {
  address: Uint8Array;
  pubKey: Uint8Array;
  power: bigint;
}

export function defaultConsensusParams(): GenesisDoc["consensus_params"] {
  return {
    block: { max_bytes: "22020096", max_gas: "-1" },
    evidence: { max_age_num_blocks: "100000", max_age_duration: "172800000000000", max_bytes: "1048576" },
    validator: { pub_key_types: ["ed25519"] },
    version: { app: "0" },
    abci: { vote_extensions_enable_height: "0" },
  };
}

export function makeGenesis(opts: {
  chainId: string;
  genesisTime: string;
  validatorPubKey: Uint8Array;
  appState: unknown;
  moniker?: string;
}): GenesisDoc {
  return {
    genesis_time: opts.genesisTime,
    chain_id: opts.chainId,
    initial_height: "1",
    consensus_params: defaultConsensusParams(),
    validators: [
      {
        address: toHex(ed25519Address(opts.validatorPubKey)),
        pub_key: { type: "tendermint/PubKeyEd25519", value: toBase64(opts.validatorPubKey) },
        power: "10",
        name: opts.moniker ?? "",
      },
    ],
    app_hash: "",
    app_state: opts.appState,
  };
}

const int = (s: string, what: string): bigint => {
  if (!/^-?\d+$/.test(s)) throw new Error(`genesis: ${what} must be an integer string, got ${JSON.stringify(s)}`);
  return BigInt(s);
};

export function readGenesis(path: string): GenesisDoc {
  const doc = JSON.parse(readFileSync(path, "utf8")) as GenesisDoc;
  validateGenesis(doc);
  return doc;
}

export function validateGenesis(doc: GenesisDoc): void {
  if (typeof doc.chain_id !== "string" || doc.chain_id.length === 0 || doc.chain_id.length > 50) {
    throw new Error("genesis: chain_id must be a non-empty string of at most 50 characters");
  }
  parseRfc3339(doc.genesis_time);
  if (int(doc.initial_height ?? "1", "initial_height") < 1n) throw new Error("genesis: initial_height must be >= 1");
  if (!Array.isArray(doc.validators) || doc.validators.length === 0) throw new Error("genesis: at least one validator is required");
  genesisValidators(doc);
  int(doc.consensus_params.block.max_bytes, "block.max_bytes");
  int(doc.consensus_params.block.max_gas, "block.max_gas");
}

export function genesisValidators(doc: GenesisDoc): GenesisValidator[] {
  return doc.validators.map((v) => {
    if (v.pub_key?.type !== "tendermint/PubKeyEd25519") throw new Error(`genesis: unsupported validator key type ${v.pub_key?.type}`);
    const pubKey = fromBase64(v.pub_key.value);
    if (pubKey.length !== 32) throw new Error("genesis: ed25519 validator keys are 32 bytes");
    return { address: ed25519Address(pubKey), pubKey, power: int(v.power, "validator power") };
  });
}

export function consensusParamsProto(doc: GenesisDoc): ConsensusParams {
  const cp = doc.consensus_params;
  const durNanos = int(cp.evidence.max_age_duration, "evidence.max_age_duration");
  return {
    block: { maxBytes: int(cp.block.max_bytes, "block.max_bytes"), maxGas: int(cp.block.max_gas, "block.max_gas") },
    evidence: {
      maxAgeNumBlocks: int(cp.evidence.max_age_num_blocks, "evidence.max_age_num_blocks"),
      maxAgeDuration: { seconds: durNanos / 1_000_000_000n, nanos: Number(durNanos % 1_000_000_000n) },
      maxBytes: int(cp.evidence.max_bytes, "evidence.max_bytes"),
    },
    validator: { pubKeyTypes: cp.validator.pub_key_types },
    version: { app: int(cp.version.app, "version.app") },
    abci: { voteExtensionsEnableHeight: int(cp.abci.vote_extensions_enable_height, "abci.vote_extensions_enable_height") },
  };
}

export function initChainRequest(doc: GenesisDoc): RequestInitChain {
  return {
    time: parseRfc3339(doc.genesis_time),
    chainId: doc.chain_id,
    consensusParams: consensusParamsProto(doc),
    validators: genesisValidators(doc).map((v) => ({ pubKey: { ed25519: v.pubKey }, power: v.power })),
    appStateBytes: utf8(JSON.stringify(doc.app_state ?? {})),
    initialHeight: int(doc.initial_height ?? "1", "initial_height"),
  };
}
