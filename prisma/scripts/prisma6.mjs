// Prisma 7.10's CLI cannot diff without its native schema engine, which this machine cannot download.
// Prisma 6.19.3 (installed as `prisma6`) ships the schema engine as wasm and drives Postgres through a
// driver adapter. It needs a reachable server: it asks the main database for its version (and writes
// nothing there), and replays migrations into a shadow database.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(packageDir, "package.json"));

/**
 * Returns the SQL that takes a database from `from` to the datamodel of `schemaPath`.
 * - from "empty": the empty database.
 * - from "migrations": the end state of `migrationsDir`, which Prisma replays into `shadowUrl`
 *   (an empty database that this call leaves dirty: use a throwaway one).
 * serverUrl: any database on a reachable server.
 */
export async function prismaDiffSql({
  from,
  serverUrl,
  shadowUrl,
  migrationsDir = path.join(packageDir, "migrations"),
  schemaPath = path.join(packageDir, "schema.prisma"),
}) {
  if (!serverUrl) throw new TypeError("prismaDiffSql needs serverUrl");
  if (from !== "empty" && from !== "migrations")
    throw new TypeError('prismaDiffSql: from must be "empty" or "migrations"');
  if (from === "migrations" && !shadowUrl)
    throw new TypeError('prismaDiffSql: from "migrations" needs shadowUrl');

  const fromArgs =
    from === "empty" ? ["--from-empty"] : ["--from-migrations", path.resolve(migrationsDir)];
  const { code, stdout, stderr } = await runPrisma6(
    ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", "schema.prisma", "--script"],
    { databaseUrl: serverUrl, shadowUrl, schemaPath },
  );
  if (code !== 0) throw new Error(`prisma@6 migrate diff failed (exit ${code}):\n${stderr.trim()}`);
  return stdout;
}

/**
 * `prisma migrate status` by Prisma's own engine against `databaseUrl`: whether Prisma agrees with the
 * bookkeeping that migrate() keeps. Exit code 0 means "Database schema is up to date".
 */
export async function prismaMigrateStatus({
  databaseUrl,
  migrationsDir = path.join(packageDir, "migrations"),
  schemaPath = path.join(packageDir, "schema.prisma"),
}) {
  return runPrisma6(["migrate", "status"], { databaseUrl, schemaPath, migrationsDir });
}

async function runPrisma6(args, { databaseUrl, shadowUrl, schemaPath, migrationsDir }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "precision-prisma6-"));
  try {
    writeFileSync(path.join(dir, "schema.prisma"), forPrisma6(readFileSync(schemaPath, "utf8")));
    writeFileSync(path.join(dir, "prisma.config.mjs"), configSource(migrationsDir));
    const cli = path.join(path.dirname(require.resolve("prisma6/package.json")), "build/index.js");
    return await run(process.execPath, [cli, ...args, "--config", "prisma.config.mjs"], {
      cwd: dir,
      env: {
        ...process.env,
        PRISMA6_DIFF_URL: databaseUrl,
        PRISMA6_SHADOW_URL: shadowUrl ?? "",
        CHECKPOINT_DISABLE: "1",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// adapter-pg cannot map Postgres' internal "char" type (OID 18), which the engine's introspection
// selects; its values arrive as text, so they are reported as text. The shadow database is ours because
// PrismaPg.connectToShadowDb connects to the main database instead of the one it creates.
function configSource(migrationsDir) {
  const adapterPg = pathToFileURL(require.resolve("@prisma/adapter-pg")).href.replace(
    /index\.js$/,
    "index.mjs",
  );
  const pgModule = pathToFileURL(
    path.join(path.dirname(require.resolve("pg/package.json")), "esm/index.mjs"),
  ).href;
  return `import { PrismaPg } from ${JSON.stringify(adapterPg)};
import pg from ${JSON.stringify(pgModule)};

class CharAsTextPool extends pg.Pool {
  async query(config, values) {
    const result = await super.query(config, values);
    for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  }
}

export default {
  schema: "schema.prisma",${migrationsDir ? `\n  migrations: { path: ${JSON.stringify(path.resolve(migrationsDir))} },` : ""}
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    const main = new PrismaPg(new CharAsTextPool({ connectionString: process.env.PRISMA6_DIFF_URL }));
    const shadowUrl = process.env.PRISMA6_SHADOW_URL;
    return {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: () => main.connect(),
      connectToShadowDb: async () => {
        if (!shadowUrl) throw new Error("no shadow database given");
        return new PrismaPg(new CharAsTextPool({ connectionString: shadowUrl })).connect();
      },
    };
  },
};
`;
}

/** True when Prisma reports that there is nothing to change. */
export function isEmptyMigration(sql) {
  return sql.trim() === "" || sql.trim() === "-- This is an empty migration.";
}

// Prisma 6 wants the URL in the datasource and, without a native query engine, a client-engine generator.
function forPrisma6(schema) {
  const generator = /generator\s+\w+\s*\{[^}]*\}/g;
  const datasource = /datasource\s+(\w+)\s*\{([^}]*)\}/;
  if (!datasource.test(schema)) throw new Error("schema.prisma has no datasource block");
  return schema
    .replace(generator, "")
    .replace(
      datasource,
      (_m, name, body) =>
        `datasource ${name} {${body.replace(/^\s*url\s*=.*$/m, "")}  url = env("PRISMA6_DIFF_URL")\n}`,
    )
    .concat(
      '\ngenerator diffOnly {\n  provider   = "prisma-client"\n  output     = "./unused"\n  engineType = "client"\n}\n',
    );
}

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}
