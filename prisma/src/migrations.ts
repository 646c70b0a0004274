import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

export interface Migration {
  /** The folder name, e.g. `20261123225151_init`; also `migration_name` in `_prisma_migrations`. */
  name: string;
  sql: string;
  /** sha256 hex of the bytes of migration.sql, as Prisma computes it. */
  checksum: string;
}

/** Reads the migration folders in the order Prisma applies them (by name). */
export async function loadMigrations(dir: string): Promise<Migration[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new Error(`Cannot read the migrations folder ${dir}`, { cause: err });
  }
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrations: Migration[] = [];
  for (const name of folders) {
    const file = path.join(dir, name, "migration.sql");
    const exists = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!exists) throw new Error(`Migration folder ${name} has no migration.sql (${file})`);
    const bytes = await readFile(file);
    migrations.push({ name, sql: bytes.toString("utf8"), checksum: sha256Hex(bytes) });
  }
  return migrations;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Prisma also accepts the script with its line endings converted either way (a Git checkout on Windows). */
export function checksumMatches(sql: string, recorded: string): boolean {
  const candidates = [
    sql,
    sql.replaceAll("\r\n", "\n"),
    sql.replaceAll("\r\n", "\n").replaceAll("\n", "\r\n"),
  ];
  return candidates.some((c) => sha256Hex(c) === recorded);
}
