import { readFileSync, writeFileSync } from "node:fs";
import { addGenesisAccount, type AppState } from "../app/genesis.js";
import type { GenesisDoc } from "../engine/genesis.js";
import { parseCommand, requireFlag } from "./args.js";
import { CliError, UsageError } from "./errors.js";
import { homePaths, requireInitialized } from "./home.js";

const USAGE =
  "precisiond genesis add-account --home DIR ADDRESS COINS   (e.g. 1000000000uusd,5ustake)";
const COIN = /^(\d+)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/;

export function parseCoinList(text: string): { denom: string; amount: string }[] {
  const coins = text.split(",").map((part) => {
    const match = COIN.exec(part.trim());
    if (!match)
      throw new UsageError(
        `invalid coins ${JSON.stringify(text)}: each coin is <amount><denom>, e.g. 1000000uusd`,
      );
    return { denom: match[2]!, amount: BigInt(match[1]!).toString() };
  });
  if (coins.some((c) => c.amount === "0")) throw new UsageError("coin amounts must be positive");
  return coins;
}

export function genesisCommand(argv: readonly string[], out: (line: string) => void): void {
  const [sub, ...rest] = argv;
  if (sub !== "add-account")
    throw new UsageError(`unknown genesis command ${JSON.stringify(sub ?? "")}\n\nUsage: ${USAGE}`);
  const { values, positionals } = parseCommand(
    rest,
    { home: { type: "string" } },
    ["ADDRESS", "COINS"],
    USAGE,
  );
  const paths = homePaths(requireFlag(values.home, "--home", USAGE));
  requireInitialized(paths);
  const [address, coinsText] = positionals as [string, string];
  const doc = JSON.parse(readFileSync(paths.genesis, "utf8")) as GenesisDoc;
  let appState: AppState;
  try {
    appState = addGenesisAccount(doc.app_state as AppState, {
      address,
      coins: parseCoinList(coinsText),
    });
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError((err as Error).message);
  }
  writeFileSync(paths.genesis, `${JSON.stringify({ ...doc, app_state: appState }, null, 2)}\n`);
  out(`added ${address} with ${coinsText} to ${paths.genesis}`);
}
