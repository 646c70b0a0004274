// Development secrets are generated on first start, kept in .precision/ (git-ignored, mode 0600)
// and reused on later starts. Production deployments pass them in through the environment.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const SECRETS = {
  AUTH_SECRET: () => randomBytes(32).toString("base64url"),
  PRECISION_KEY_ENCRYPTION_SECRET: () => randomBytes(32).toString("base64url"),
  /** The vault's chain account, which writes the access log. */
  VAULT_OPERATOR_MNEMONIC: async () => {
    // Imported when needed: this module loads before `npm install` has run on a fresh clone.
    const { generateMnemonic } = await import("@scure/bip39");
    const { wordlist } = await import("@scure/bip39/wordlists/english.js");
    return generateMnemonic(wordlist, 256);
  },
};

export async function loadDevSecrets(stateDir) {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const file = path.join(stateDir, "dev-secrets.json");
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  let changed = false;
  for (const [name, make] of Object.entries(SECRETS)) {
    if (process.env[name]) stored[name] = process.env[name];
    else if (!stored[name]) {
      stored[name] = await make();
      changed = true;
    }
  }
  if (changed) {
    writeFileSync(file, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return stored;
}
