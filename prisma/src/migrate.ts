// Applies prisma/migrations/*/migration.sql without Prisma's CLI (which cannot run offline), keeping
// Prisma's own `_prisma_migrations` bookkeeping so that `prisma migrate status` agrees.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { assertPostgresUrl } from "./client.ts";
import { checksumMatches, loadMigrations, type Migration } from "./migrations.ts";

/** Same key as Prisma's schema engine, so this runner and `prisma migrate deploy` exclude each other too. */
const ADVISORY_LOCK_KEY = 72707369;

// Prisma's DDL for PostgreSQL, verbatim.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export const DEFAULT_MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../migrations",
);

export class MigrationError extends Error {
  override name = "MigrationError";
}

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

export interface MigrateOptions {
  migrationsDir?: string;
}

export async function migrate(
  databaseUrl: string,
  opts: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  assertPostgresUrl(databaseUrl);
  const migrations = await loadMigrations(opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // A session lock: concurrent starters queue here, and the later ones find nothing left to apply.
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      await refuseUnmanagedSchema(client);
      await client.query(CREATE_MIGRATIONS_TABLE);
      const rows = (
        await client.query<MigrationRow>(
          "SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs FROM _prisma_migrations ORDER BY started_at",
        )
      ).rows;
      const pending = pendingMigrations(migrations, rows);
      const applied: string[] = [];
      for (const migration of pending) {
        await applyOne(client, migration);
        applied.push(migration.name);
      }
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/** Like Prisma's P3005: tables that no migration created must not be migrated over blindly. */
async function refuseUnmanagedSchema(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ tracked: boolean; tables: string[] }>(
    `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS tracked,
            coalesce(array_agg(c.relname::text ORDER BY c.relname), '{}') AS tables
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')`,
  );
  const { tracked, tables } = rows[0]!;
  if (!tracked && tables.length > 0) {
    throw new MigrationError(
      `Refusing to migrate: the database already has tables (${tables.slice(0, 5).join(", ")}${tables.length > 5 ? ", …" : ""}) ` +
        `but no _prisma_migrations table, so it was not built by these migrations. Use an empty database, or baseline ` +
        `it first (https://pris.ly/d/migrate-baseline).`,
    );
  }
}

function pendingMigrations(migrations: Migration[], rows: MigrationRow[]): Migration[] {
  const live = rows.filter((r) => r.rolled_back_at === null);
  const failed = live.filter((r) => r.finished_at === null);
  if (failed.length > 0) {
    const names = failed.map((r) => r.migration_name).join(", ");
    const logs = failed
      .map((r) => r.logs)
      .filter(Boolean)
      .join("\n");
    throw new MigrationError(
      `Refusing to migrate: a failed migration is recorded in _prisma_migrations (${names}).\n` +
        `Its transaction was rolled back, so none of it is in the database. Fix it, then mark it rolled back with ` +
        `\`prisma migrate resolve --rolled-back <name>\` or ` +
        `\`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '<name>' AND finished_at IS NULL\`.` +
        (logs ? `\nRecorded error:\n${logs}` : ""),
    );
  }
  const appliedByName = new Map(live.map((r) => [r.migration_name, r]));
  const changed = migrations.filter((m) => {
    const row = appliedByName.get(m.name);
    return row !== undefined && !checksumMatches(m.sql, row.checksum);
  });
  if (changed.length > 0) {
    throw new MigrationError(
      `Refusing to migrate: applied migration(s) were edited after being applied: ${changed.map((m) => m.name).join(", ")}.\n` +
        `The checksum of migration.sql no longer matches _prisma_migrations. Restore the original file and put the ` +
        `change in a new migration (npm run migration:new -w @precision/db -- <name>).`,
    );
  }
  return migrations.filter((m) => !appliedByName.has(m.name));
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  try {
    await client.query("BEGIN");
    await client.query(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)",
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(
      "UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = applied_steps_count + 1 WHERE id = $1",
      [id],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    const message = err instanceof Error ? err.message : String(err);
    // Recorded like Prisma records a failure, so that `prisma migrate status` and the next run both see it.
    await client
      .query(
        "INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), 0)",
        [
          id,
          migration.checksum,
          migration.name,
          `Migration ${migration.name} failed to apply:\n${message}`,
        ],
      )
      .catch(() => {});
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${message}`, {
      cause: err,
    });
  }
}
