// schema.prisma and prisma/migrations must describe the same database. Two databases are built, one by
// the migrations and one by the SQL Prisma derives from schema.prisma alone, and their catalogs compared.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { isEmptyMigration, prismaDiffSql } from "../scripts/prisma6.mjs";
import { migrate } from "./migrate.ts";
import { adminUrl, dropThrowawayDatabases, throwawayDatabase } from "./test/databases.ts";

const schemaPath = path.resolve(import.meta.dirname, "../schema.prisma");

const CATALOG_QUERIES = {
  enums: `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`,
  columns: `SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision,
                   datetime_precision, is_nullable, column_default
              FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
             ORDER BY table_name, column_name`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
             WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`,
  constraints: `SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype::text AS type,
                       pg_get_constraintdef(c.oid) AS definition
                  FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                 WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations'
                 ORDER BY 1, 2`,
};

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, unknown[]> = {};
    for (const [key, sql] of Object.entries(CATALOG_QUERIES))
      out[key] = (await client.query(sql)).rows;
    return out;
  } finally {
    await client.end();
  }
}

async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function databaseFromSchema(schema: string): Promise<string> {
  const url = await throwawayDatabase("precision_parity");
  await runSql(
    url,
    await prismaDiffSql({ from: "empty", serverUrl: adminUrl(), schemaPath: schema }),
  );
  return url;
}

/** schema.prisma with one more column and index, to show that the comparison notices. */
const alteredSchemaDirs: string[] = [];

function alteredSchema(): string {
  const original = readFileSync(schemaPath, "utf8");
  const altered = original.replace(
    /(model Membership \{[^}]*?)(\n {2}@@index\(\[organizationId\]\))/,
    "$1\n  department     String?$2\n  @@index([title])",
  );
  expect(altered).not.toBe(original);
  const dir = mkdtempSync(path.join(os.tmpdir(), "precision-schema-"));
  alteredSchemaDirs.push(dir);
  const file = path.join(dir, "schema.prisma");
  writeFileSync(file, altered);
  return file;
}

afterAll(async () => {
  alteredSchemaDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  await dropThrowawayDatabases();
});

describe("schema.prisma and migrations", () => {
  it("build identical tables, columns, types, nullability, defaults, indexes, constraints and enums", async () => {
    const migrated = await throwawayDatabase("precision_parity");
    await migrate(migrated);
    const fromSchema = await databaseFromSchema(schemaPath);

    const [a, b] = await Promise.all([catalog(migrated), catalog(fromSchema)]);
    expect(a.columns!.length).toBeGreaterThan(20);
    expect(a.indexes!.length).toBeGreaterThan(10);
    expect(a.enums).toHaveLength(2);
    expect(a).toEqual(b);
  });

  it("differ, and the comparison says where, once schema.prisma changes without a migration", async () => {
    const migrated = await throwawayDatabase("precision_parity");
    await migrate(migrated);
    const fromAltered = await databaseFromSchema(alteredSchema());

    const [a, b] = await Promise.all([catalog(migrated), catalog(fromAltered)]);
    expect(a).not.toEqual(b);
    expect(b.columns).toContainEqual(
      expect.objectContaining({ table_name: "Membership", column_name: "department" }),
    );
    expect(a.columns).not.toContainEqual(expect.objectContaining({ column_name: "department" }));
    expect(b.indexes).toContainEqual(
      expect.objectContaining({ indexname: "Membership_title_idx" }),
    );
  });

  it("leave nothing for Prisma's own differ to do (and it does see a change)", async () => {
    const shadow = await throwawayDatabase("precision_shadow");
    const sql = await prismaDiffSql({
      from: "migrations",
      serverUrl: adminUrl(),
      shadowUrl: shadow,
    });
    expect(isEmptyMigration(sql), sql).toBe(true);

    const shadow2 = await throwawayDatabase("precision_shadow");
    const drift = await prismaDiffSql({
      from: "migrations",
      serverUrl: adminUrl(),
      shadowUrl: shadow2,
      schemaPath: alteredSchema(),
    });
    expect(drift).toMatch(/ALTER TABLE "Membership" ADD COLUMN\s+"department" TEXT/);
    expect(drift).toMatch(/CREATE INDEX "Membership_title_idx"/);
  });
});
