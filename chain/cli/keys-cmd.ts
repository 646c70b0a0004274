import { readFileSync } from "node:fs";
import { parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { keyringOptions, keyringPassphrase, openKeyring } from "./passphrase.js";

const USAGE = `precisiond keys add NAME [--recover --mnemonic-file FILE] (--home DIR | --keyring-dir DIR) [--keyring-passphrase-file FILE]
       precisiond keys list (--home DIR | --keyring-dir DIR)
       precisiond keys show NAME (--home DIR | --keyring-dir DIR)`;

export async function keysCommand(
  argv: readonly string[],
  out: (line: string) => void,
): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === "add") {
    const { values, positionals } = parseCommand(
      rest,
      { ...keyringOptions, recover: { type: "boolean" }, "mnemonic-file": { type: "string" } },
      ["NAME"],
      USAGE,
    );
    if (values.recover && !values["mnemonic-file"])
      throw new UsageError(`--recover needs --mnemonic-file FILE\n\nUsage: ${USAGE}`);
    const mnemonic = values.recover ? readFileSync(values["mnemonic-file"]!, "utf8") : undefined;
    const { info, mnemonic: words } = await openKeyring(values).add(
      positionals[0]!,
      keyringPassphrase(values),
      mnemonic,
    );
    out(JSON.stringify(info, null, 2));
    if (!values.recover)
      out(
        `\nWrite this mnemonic down and keep it safe; it is the only way to recover the key:\n\n${words}\n`,
      );
    return;
  }
  if (sub === "list") {
    const { values } = parseCommand(rest, keyringOptions, [], USAGE);
    out(JSON.stringify(openKeyring(values).list(), null, 2));
    return;
  }
  if (sub === "show") {
    const { values, positionals } = parseCommand(rest, keyringOptions, ["NAME"], USAGE);
    out(JSON.stringify(openKeyring(values).show(positionals[0]!), null, 2));
    return;
  }
  throw new UsageError(`unknown keys command ${JSON.stringify(sub ?? "")}\n\nUsage: ${USAGE}`);
}
