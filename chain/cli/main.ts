// precisiond: the Precision chain's node and admin CLI. The command forms are a contract other
// tools depend on; see chain/README.md.
import { CliError } from "./errors.js";
import { exportCommand } from "./export-cmd.js";
import { genesisCommand } from "./genesis-cmd.js";
import { initCommand } from "./init.js";
import { keysCommand } from "./keys-cmd.js";
import { txCommand } from "./tx-cmd.js";
import { queryCommand } from "./query-cmd.js";
import { startCommand } from "./start.js";

const USAGE = `Usage: precisiond <command> [flags]

Commands:
  init --home DIR --chain-id ID                 create a node home with a new genesis and validator key
  genesis add-account --home DIR ADDRESS COINS  fund an account in genesis (e.g. 1000000000uusd)
  start --home DIR [--rpc.laddr tcp://127.0.0.1:26657] [--block-time 1s] [--min-gas-prices 0uusd]
                                                run the embedded single-validator node
  start --home DIR --with-comet=false --address tcp://127.0.0.1:26658
                                                serve the app to CometBFT 0.38 over ABCI 2.0
  keys add|list|show NAME (--home DIR | --keyring-dir DIR)
                                                an encrypted keyring (passphrase from --keyring-passphrase-file
                                                or PRECISIOND_KEYRING_PASSPHRASE)
  tx bank send FROM_KEY TO COINS --chain-id ID [--node URL] [--fees COINS] [--gas N|auto]
                                                sign with a keyring key and broadcast
  query bank balances ADDRESS [--node URL]      balances of an account
  query tx HASH [--node URL]                    a committed transaction
  export --home DIR                             the last committed state as genesis JSON
`;

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "init":
      initCommand(rest, out);
      return 0;
    case "genesis":
      genesisCommand(rest, out);
      return 0;
    case "start":
      return startCommand(rest);
    case "keys":
      await keysCommand(rest, out);
      return 0;
    case "tx":
      return txCommand(rest, out);
    case "query":
    case "q":
      await queryCommand(rest, out);
      return 0;
    case "export":
      await exportCommand(rest, out);
      return 0;
    case "help":
    case "--help":
    case "-h":
      out(USAGE);
      return 0;
    default:
      process.stderr.write(
        `${command === undefined ? "no command given" : `unknown command ${JSON.stringify(command)}`}\n\n${USAGE}`,
      );
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof CliError) {
      process.stderr.write(`Error: ${err.message}\n`);
      process.exitCode = err.exitCode;
    } else {
      process.stderr.write(`Error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
