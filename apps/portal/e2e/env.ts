import { createHash, randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";

/** Test-run configuration; the only place in e2e/ that reads process.env. */
export function e2eEnv() {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(
      "TEST_DATABASE_URL is required for the end-to-end tests: a PostgreSQL database they may migrate, seed and modify " +
        "(e.g. postgresql://portal:portal@127.0.0.1:5432/portal_e2e). `npm test` creates a throwaway one.",
    );
  }
  const port = Number(process.env.E2E_PORT ?? 3210);
  const externalBaseUrl = process.env.E2E_BASE_URL;
  return {
    databaseUrl,
    port,
    externalBaseUrl,
    baseUrl: externalBaseUrl ?? `http://localhost:${port}`,
    demoPassword: process.env.E2E_DEMO_PASSWORD,
    /** The end-to-end run starts its own chain node and indexer on these ports. */
    chainPort: Number(process.env.E2E_CHAIN_PORT ?? 26757),
    indexerPort: Number(process.env.E2E_INDEXER_PORT ?? 9564),
    vaultPort: Number(process.env.E2E_VAULT_PORT ?? 9570),
    /**
     * Seals staff and organisation keys for this run. Derived from the run's throwaway database
     * name, so the global setup and the portal it starts agree without passing it around.
     */
    keySecret: createHash("sha256").update(`precision-e2e-key-secret:${databaseUrl}`).digest("base64url"),
    ci: Boolean(process.env.CI),
    /** Where the global setup tells tests about the processes it started (the chain's home). */
    stateFile: path.join(tmpdir(), `precision-e2e-${createHash("sha256").update(databaseUrl).digest("hex").slice(0, 16)}.json`),
    /** What child processes (node, indexer) inherit. */
    inherited: { ...process.env },
  };
}

export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}
