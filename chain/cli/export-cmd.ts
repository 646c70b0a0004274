import { toHex } from "../engine/encoding.js";
import { parseCommand, requireFlag } from "./args.js";
import { homePaths } from "./home.js";
import { openApp } from "./open-app.js";

const USAGE = "precisiond export --home DIR";

/** Prints a genesis document whose app_state recreates the last committed state. */
export async function exportCommand(
  argv: readonly string[],
  out: (line: string) => void,
): Promise<void> {
  const { values } = parseCommand(argv, { home: { type: "string" } }, [], USAGE);
  const opened = await openApp(homePaths(requireFlag(values.home, "--home", USAGE)));
  try {
    const exported = opened.app.exportAppState();
    const doc = {
      ...opened.genesis,
      initial_height: String(exported.height + 1),
      app_hash: toHex(exported.appHash),
      app_state: exported.appState,
    };
    out(JSON.stringify(doc, null, 2));
  } finally {
    await opened.close();
  }
}
