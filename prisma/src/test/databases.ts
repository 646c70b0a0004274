// Integration tests run against a real PostgreSQL named by TEST_DATABASE_URL (the root test command
// creates a fresh one). Tests that need an empty or disposable database make their own on that server.
import { createThrowawayDatabase, dropDatabase } from "../../../scripts/lib/postgres.mjs";

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      "TEST_DATABASE_URL is not set. Integration tests need a real PostgreSQL, e.g.\n" +
        "  TEST_DATABASE_URL=postgresql://precision:precision@127.0.0.1:5432/precision_test npm run test:int -w @precision/db\n" +
        "(`npm test` at the repo root provides one).",
    );
  }
  return url;
}

/** A URL on the same server for administrative work (creating databases). */
export function adminUrl(): string {
  if (process.env.TEST_POSTGRES_ADMIN_URL) return process.env.TEST_POSTGRES_ADMIN_URL;
  const url = new URL(testDatabaseUrl());
  url.pathname = "/postgres";
  return url.toString();
}

const created: string[] = [];

export async function throwawayDatabase(prefix = "precision_db_test"): Promise<string> {
  const url = await createThrowawayDatabase(adminUrl(), prefix);
  created.push(url);
  return url;
}

export async function dropThrowawayDatabases(): Promise<void> {
  while (created.length > 0) await dropDatabase(created.pop()!);
}
