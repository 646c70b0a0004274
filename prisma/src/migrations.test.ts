import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR } from "./migrate.ts";
import { checksumMatches, loadMigrations } from "./migrations.ts";

describe("migration folders", () => {
  it("load in name order with Prisma's checksum: sha256 hex of the file's bytes", async () => {
    const migrations = await loadMigrations(DEFAULT_MIGRATIONS_DIR);
    const folders = readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(migrations.map((m) => m.name)).toEqual(folders);
    expect(folders.length).toBeGreaterThan(0);
    for (const m of migrations) {
      expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      const bytes = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, m.name, "migration.sql"));
      expect(m.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("have Prisma's lock file for PostgreSQL", () => {
    const lock = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, "migration_lock.toml"), "utf8");
    expect(lock).toMatch(/^provider = "postgresql"$/m);
  });

  it("accept the same script with other line endings, as Prisma does, and nothing else", () => {
    const sql = 'CREATE TABLE "A" (\n  "id" INTEGER\n);\n';
    const recorded = createHash("sha256").update(sql).digest("hex");
    expect(checksumMatches(sql, recorded)).toBe(true);
    expect(checksumMatches(sql.replaceAll("\n", "\r\n"), recorded)).toBe(true);
    expect(checksumMatches(sql.replace("INTEGER", "BIGINT"), recorded)).toBe(false);
    const crlfRecorded = createHash("sha256").update(sql.replaceAll("\n", "\r\n")).digest("hex");
    expect(checksumMatches(sql, crlfRecorded)).toBe(true);
  });

  it("reject a folder without migration.sql and a missing migrations folder", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "precision-migrations-"));
    try {
      mkdirSync(path.join(dir, "20260101000000_ok"));
      writeFileSync(path.join(dir, "20260101000000_ok", "migration.sql"), "SELECT 1;");
      mkdirSync(path.join(dir, "20260102000000_empty"));
      await expect(loadMigrations(dir)).rejects.toThrow(/20260102000000_empty has no migration.sql/);
      await expect(loadMigrations(path.join(dir, "nope"))).rejects.toThrow(
        /Cannot read the migrations folder/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
