import { readFileSync } from "node:fs";
import { CliError } from "./errors.js";
import { homePaths } from "./home.js";
import { Keyring } from "./keyring.js";

export const keyringOptions = {
  home: { type: "string" },
  "keyring-dir": { type: "string" },
  "keyring-passphrase-file": { type: "string" },
} as const;

export function openKeyring(values: {
  home?: string | undefined;
  "keyring-dir"?: string | undefined;
}): Keyring {
  if (values["keyring-dir"]) return new Keyring(values["keyring-dir"]);
  if (values.home) return new Keyring(homePaths(values.home).keyring);
  throw new CliError("pass --keyring-dir DIR or --home DIR to locate the keyring");
}

/** The passphrase comes from a file or PRECISIOND_KEYRING_PASSPHRASE, never from a flag value. */
export function keyringPassphrase(values: {
  "keyring-passphrase-file"?: string | undefined;
}): string {
  const file = values["keyring-passphrase-file"];
  if (file) {
    try {
      return readFileSync(file, "utf8").replace(/\r?\n$/, "");
    } catch (err) {
      throw new CliError(`cannot read --keyring-passphrase-file: ${(err as Error).message}`);
    }
  }
  const fromEnv = process.env.PRECISIOND_KEYRING_PASSPHRASE;
  if (fromEnv) return fromEnv;
  throw new CliError(
    "the keyring is encrypted: pass --keyring-passphrase-file FILE or set PRECISIOND_KEYRING_PASSPHRASE",
  );
}
