import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prismaMigrateStatus } from "../scripts/prisma6.mjs";
import { DEFAULT_MIGRATIONS_DIR, migrate } from "./migrate.ts";
import { dropThrowawayDatabases, testDatabaseUrl, throwawayDatabase } from "./test/databases.ts";

const folders = readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every model of schema.prisma is a table of the same name (none is renamed with @@map). */
function schemaModels(): string[] {
  const schema = readFileSync(path.resolve(import.meta.dirname, "../schema.prisma"), "utf8");
  return [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!);
}

const copies: string[] = [];

function copyMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "precision-migrations-"));
  copies.push(dir);
  cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

afterAll(async () => {
  copies.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  await dropThrowawayDatabases();
});

describe("migrate()", () => {
  it("applies every migration to the empty TEST_DATABASE_URL database, then nothing on a re-run", async () => {
    const url = testDatabaseUrl();
    const first = await migrate(url);
    // The root test command hands out a fresh database, but tolerate a rerun against the same one.
    expect([folders, []]).toContainEqual(first.applied);
    expect(await migrate(url)).toEqual({ applied: [] });
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name).sort()).toEqual([...schemaModels(), "_prisma_migrations"].sort());
  });

  it("records each migration in _prisma_migrations exactly as Prisma does", async () => {
    const url = await throwawayDatabase();
    const before = new Date();
    expect(await migrate(url)).toEqual({ applied: folders });

    const columns = await query(
      url,
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      {
        column_name: "id",
        data_type: "character varying",
        len: 36,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "checksum",
        data_type: "character varying",
        len: 64,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "finished_at",
        data_type: "timestamp with time zone",
        len: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "migration_name",
        data_type: "character varying",
        len: 255,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "logs",
        data_type: "text",
        len: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "rolled_back_at",
        data_type: "timestamp with time zone",
        len: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "started_at",
        data_type: "timestamp with time zone",
        len: null,
        is_nullable: "NO",
        column_default: "now()",
      },
      {
        column_name: "applied_steps_count",
        data_type: "integer",
        len: null,
        is_nullable: "NO",
        column_default: "0",
      },
    ]);

    const rows = await query<{
      id: string;
      checksum: string;
      finished_at: Date | null;
      migration_name: string;
      logs: string | null;
      rolled_back_at: Date | null;
      started_at: Date;
      applied_steps_count: number;
    }>(url, "SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name");
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      const bytes = readFileSync(
        path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"),
      );
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).not.toBeNull();
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.started_at.getTime()).toBeGreaterThan(before.getTime() - 60_000);
    }

    // Prisma's own engine (6.19, wasm) reads the same table and agrees.
    const status = await prismaMigrateStatus({ databaseUrl: url });
    expect(status.stdout).toContain("Database schema is up to date!");
    expect(status.code).toBe(0);
  });

  it("lets only one of several concurrent starters apply the migrations", async () => {
    const url = await throwawayDatabase();
    const results = await Promise.all([1, 2, 3, 4].map(() => migrate(url)));
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, 0, folders.length]);
    const rows = await query<{ n: number }>(
      url,
      "SELECT count(*)::int AS n FROM _prisma_migrations",
    );
    expect(rows).toEqual([{ n: folders.length }]);
  });

  it("applies a migration added later, and only that one", async () => {
    const url = await throwawayDatabase();
    const dir = copyMigrations();
    await migrate(url, { migrationsDir: dir });
    addMigration(dir, "29990101000000_add_note", 'ALTER TABLE "User" ADD COLUMN "note" TEXT;');
    expect(await migrate(url, { migrationsDir: dir })).toEqual({
      applied: ["29990101000000_add_note"],
    });
    const cols = await query(
      url,
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'note'",
    );
    expect(cols).toHaveLength(1);
  });

  it("refuses when an applied migration was edited, but accepts it with converted line endings", async () => {
    const url = await throwawayDatabase();
    const dir = copyMigrations();
    await migrate(url, { migrationsDir: dir });
    const file = path.join(dir, folders[0]!, "migration.sql");
    const original = readFileSync(file, "utf8");

    writeFileSync(file, original.replaceAll("\n", "\r\n"));
    expect(await migrate(url, { migrationsDir: dir })).toEqual({ applied: [] });

    writeFileSync(file, `${original}\n-- a harmless-looking edit\n`);
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`edited after being applied: ${folders[0]}`),
    );
  });

  it("rolls a failing migration back, records the failure, and refuses until it is resolved", async () => {
    const url = await throwawayDatabase();
    const dir = copyMigrations();
    await migrate(url, { migrationsDir: dir });
    addMigration(
      dir,
      "29990101000000_broken",
      'CREATE TABLE "Half" (id INT);\nALTER TABLE "Nope" ADD COLUMN x INT;',
    );

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      /29990101000000_broken failed and was rolled back: relation "Nope" does not exist/,
    );
    expect(
      await query(url, "SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'"),
    ).toHaveLength(0);
    const [failed] = await query<{
      finished_at: Date | null;
      logs: string;
      applied_steps_count: number;
    }>(
      url,
      "SELECT finished_at, logs, applied_steps_count FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'",
    );
    expect(failed).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(failed!.logs).toMatch(/relation "Nope" does not exist/);

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      /failed migration is recorded.*29990101000000_broken/,
    );
    const status = await prismaMigrateStatus({ databaseUrl: url, migrationsDir: dir });
    expect(status.code).not.toBe(0);
    expect(status.stdout + status.stderr).toMatch(/have failed:\s+29990101000000_broken/);

    // What `prisma migrate resolve --rolled-back` does; then the fixed migration applies.
    await query(
      url,
      "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '29990101000000_broken'",
    );
    writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      'CREATE TABLE "Half" (id INT);',
    );
    expect(await migrate(url, { migrationsDir: dir })).toEqual({
      applied: ["29990101000000_broken"],
    });
    const resolved = await prismaMigrateStatus({ databaseUrl: url, migrationsDir: dir });
    expect(resolved.stdout).toContain("Database schema is up to date!");
  });

  it("refuses a database that has tables but no migration history", async () => {
    const url = await throwawayDatabase();
    await query(url, 'CREATE TABLE "Legacy" (id INT)');
    await expect(migrate(url)).rejects.toThrow(
      /already has tables \(Legacy\) but no _prisma_migrations/,
    );
    expect(await query(url, "SELECT to_regclass('_prisma_migrations') AS t")).toEqual([
      { t: null },
    ]);
  });

  it("rejects a URL that is not PostgreSQL before connecting", async () => {
    await expect(migrate("mysql://x@localhost/db")).rejects.toThrow(/Not a PostgreSQL URL/);
  });
});
