// Layout of a node's home directory, as CometBFT lays it out: config/ for genesis and keys, data/
// for the state store (which also holds the block store, committed atomically with the state) and
// the tx index, which is rebuilt from the block store whenever it falls behind.
import { existsSync } from "node:fs";
import path from "node:path";
import { CliError } from "./errors.js";

export interface HomePaths {
  readonly home: string;
  readonly config: string;
  readonly genesis: string;
  readonly validatorKey: string;
  readonly nodeKey: string;
  readonly data: string;
  /** The tx index's own database, inside data/ as in CometBFT (data/tx_index.db). */
  readonly txIndex: string;
  readonly keyring: string;
}

export function homePaths(home: string): HomePaths {
  const root = path.resolve(home);
  const config = path.join(root, "config");
  return {
    home: root,
    config,
    genesis: path.join(config, "genesis.json"),
    validatorKey: path.join(config, "priv_validator_key.json"),
    nodeKey: path.join(config, "node_key.json"),
    data: path.join(root, "data"),
    txIndex: path.join(root, "data", "tx_index.db"),
    keyring: path.join(root, "keyring"),
  };
}

export function requireInitialized(paths: HomePaths): void {
  if (!existsSync(paths.genesis)) {
    throw new CliError(
      `no genesis at ${paths.genesis}; run \`precisiond init --home ${paths.home} --chain-id <id>\` first`,
    );
  }
}
