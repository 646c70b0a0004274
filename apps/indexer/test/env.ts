// The integration tests' environment: the run's PostgreSQL (TEST_DATABASE_URL, or an admin URL
// on the same server) and the environment the indexer processes they start inherit.
export function testAdminUrl(): string {
  if (process.env.TEST_POSTGRES_ADMIN_URL) return process.env.TEST_POSTGRES_ADMIN_URL;
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: integration tests need a real PostgreSQL (`npm test` provides one).");
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}

/** The benchmark uses the test run's server when given one, and otherwise finds or starts the local one. */
export function benchAdminUrl(): string | undefined {
  return process.env.TEST_POSTGRES_ADMIN_URL ?? (process.env.TEST_DATABASE_URL ? testAdminUrl() : undefined);
}

/** Extra node flags for the indexer process, e.g. INDEXER_NODE_ARGS="--cpu-prof" to profile a bench run. */
export function indexerNodeArgs(): string[] {
  return (process.env.INDEXER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
}
