import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { defaultAppStateJson } from "../app/genesis.js";
import { makeGenesis } from "../engine/genesis.js";
import { generateKeyFile } from "../engine/validator-key.js";
import { parseCommand, requireFlag } from "./args.js";
import { CliError, UsageError } from "./errors.js";
import { homePaths } from "./home.js";

const USAGE = "precisiond init --home DIR --chain-id ID [--moniker NAME] [--overwrite]";
const CHAIN_ID = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,48}$/;

export function initCommand(argv: readonly string[], out: (line: string) => void): void {
  const { values } = parseCommand(
    argv,
    {
      home: { type: "string" },
      "chain-id": { type: "string" },
      moniker: { type: "string" },
      overwrite: { type: "boolean" },
    },
    [],
    USAGE,
  );
  const paths = homePaths(requireFlag(values.home, "--home", USAGE));
  const chainId = requireFlag(values["chain-id"], "--chain-id", USAGE);
  if (!CHAIN_ID.test(chainId))
    throw new UsageError(
      `--chain-id must be 1-49 letters, digits, '.', '_' or '-', got ${JSON.stringify(chainId)}`,
    );
  if (existsSync(paths.genesis) && !values.overwrite) {
    throw new CliError(
      `${paths.genesis} already exists; pass --overwrite to replace the chain (its data is deleted)`,
    );
  }
  if (values.overwrite) rmSync(paths.data, { recursive: true, force: true });
  mkdirSync(paths.config, { recursive: true, mode: 0o700 });
  mkdirSync(paths.data, { recursive: true, mode: 0o700 });
  const validator = generateKeyFile(paths.validatorKey, "validator");
  generateKeyFile(paths.nodeKey, "node");
  const moniker = values.moniker ?? "precision-node";
  const genesis = makeGenesis({
    chainId,
    genesisTime: new Date().toISOString(),
    validatorPubKey: validator.pubKey,
    appState: defaultAppStateJson(),
    moniker,
  });
  writeFileSync(paths.genesis, `${JSON.stringify(genesis, null, 2)}\n`);
  out(`initialized ${paths.home} for chain ${chainId} (moniker ${moniker})`);
}
