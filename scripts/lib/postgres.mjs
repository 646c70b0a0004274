// Finds, installs or starts the PostgreSQL that the start and test commands need.
// Plain Node ESM on purpose: it runs before anything in the workspace is built.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ROLE = "precision";
const ROLE_PASSWORD = "precision";
const LOCAL_PORT = 5432;

const noop = () => {};

// ---------------------------------------------------------------------------------------------
// A Debian PostgreSQL server for the test command.

/** Installs PostgreSQL if missing, starts a cluster and returns an admin URL for the `precision` role. */
export async function ensurePostgresServer({ log = noop } = {}) {
  let versions = installedServerVersions();
  if (versions.length === 0) {
    log("PostgreSQL server not installed; installing Debian's postgresql package");
    installPostgresPackage();
    versions = installedServerVersions();
    if (versions.length === 0)
      throw new Error(
        "apt-get install postgresql finished but no /usr/lib/postgresql/*/bin/postgres exists",
      );
  }

  let clusters = listClusters();
  if (clusters.length === 0) {
    const version = versions.at(-1);
    log(`creating PostgreSQL ${version} cluster "main"`);
    run("pg_createcluster", [version, "main"]);
    clusters = listClusters();
  }
  const cluster = clusters.find((c) => c.status === "online") ?? pickCluster(clusters);
  if (cluster.status !== "online") {
    log(`starting PostgreSQL ${cluster.version}/${cluster.name} on port ${cluster.port}`);
    run("pg_ctlcluster", ["--skip-systemctl-redirect", cluster.version, cluster.name, "start"]);
  }

  ensureRoleAsSuperuser(cluster.port);
  const adminUrl = `postgresql://${ROLE}:${ROLE_PASSWORD}@127.0.0.1:${cluster.port}/postgres`;
  await waitUntilAccepting(adminUrl, {
    timeoutMs: 30_000,
    what: `PostgreSQL ${cluster.version}/${cluster.name}`,
  });
  return adminUrl;
}

function installedServerVersions() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(base, v, "bin/postgres")))
    .sort((a, b) => Number(a) - Number(b));
}

function installPostgresPackage() {
  if (process.getuid?.() !== 0) {
    throw new Error(
      "PostgreSQL is not installed and this process is not root: run `apt-get install -y postgresql` as root",
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update"], { env });
  run("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], { env });
}

/** Parses `pg_lsclusters --no-header`: version, name, port, status, owner, data dir, log file. */
function listClusters() {
  const out = run("pg_lsclusters", ["--no-header"]);
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 4 && /^\d+$/.test(cols[0]))
    .map(([version, name, port, status]) => ({ version, name, port: Number(port), status }));
}

function pickCluster(clusters) {
  const sorted = [...clusters].sort((a, b) => Number(b.version) - Number(a.version));
  return sorted.find((c) => c.name === "main") ?? sorted[0];
}

/** Creates or repairs the `precision` login role through the postgres superuser's local socket. */
function ensureRoleAsSuperuser(port) {
  const sql = `DO $do$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN
    CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${ROLE_PASSWORD}';
  ELSE
    ALTER ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${ROLE_PASSWORD}';
  END IF;
END
$do$;`;
  psqlAsSuperuser(port, sql);
}

function psqlAsSuperuser(port, sql, database = "postgres") {
  return run(
    "runuser",
    [
      "-u",
      "postgres",
      "--",
      "psql",
      "-X",
      "-q",
      "-v",
      "ON_ERROR_STOP=1",
      "-p",
      String(port),
      "-d",
      database,
      "-tAc",
      sql,
    ],
    {
      cwd: "/",
    },
  );
}

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    ...opts,
  });
  if (result.error) throw new Error(`${cmd} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    const detail = `${result.stderr ?? ""}${result.stdout ?? ""}`
      .trim()
      .split("\n")
      .slice(-15)
      .join("\n");
    throw new Error(`${cmd} ${args.join(" ")} exited with ${result.status}:\n${detail}`);
  }
  return result.stdout ?? "";
}

// ---------------------------------------------------------------------------------------------
// Throwaway databases.

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,39}$/;

/** Creates an empty database named `<prefix>_<time>_<random>` and returns its URL. */
export async function createThrowawayDatabase(adminUrl, prefix) {
  if (typeof prefix !== "string" || !IDENTIFIER.test(prefix)) {
    throw new TypeError(`database prefix must match ${IDENTIFIER} (got ${JSON.stringify(prefix)})`);
  }
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return withDatabase(adminUrl, name);
}

/** Drops the database of `url`, disconnecting anyone still using it. */
export async function dropDatabase(url) {
  const name = databaseName(url);
  if (name === "postgres" || name === "template0" || name === "template1") {
    throw new Error(`refusing to drop the system database "${name}"`);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await withClient(withDatabase(url, "postgres"), (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`),
      );
      return;
    } catch (err) {
      // FORCE may not terminate a superuser's backend (autovacuum working on the database right
      // after a heavy run): wait for it to finish and try again.
      if (err.code !== "42501" || attempt === 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}

function databaseName(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error(`database URL names no database: ${redact(url)}`);
  return name;
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(noop);
  }
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<invalid URL>";
  }
}

async function waitUntilAccepting(url, { timeoutMs, what, child }) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`${what} exited with code ${child.exitCode} before accepting connections`);
    }
    try {
      await withClient(url, (client) => client.query("SELECT 1"));
      return;
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(
    `${what} did not accept connections within ${timeoutMs / 1000} s: ${last?.message ?? "no answer"}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The database for the start command.

/**
 * DATABASE_URL if set; else the local PostgreSQL on 127.0.0.1:5432 (as role `precision`, database
 * `database`, `precision` unless the caller names another); else an embedded PGlite whose data
 * lives in `${dataDir}/pglite`.
 */
export async function findDatabaseForStart({ dataDir, database = ROLE, log = noop, localPort = LOCAL_PORT }) {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, kind: "env", stop: async () => {} };
  }
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new TypeError(`findDatabaseForStart: bad database name ${JSON.stringify(database)}`);
  const local = await tryLocalPostgres(localPort, database, log);
  if (local) return { url: local, kind: "local", stop: async () => {} };
  if (!dataDir)
    throw new TypeError("findDatabaseForStart: dataDir is required for the embedded database");
  return startEmbeddedPostgres({ dataDir, log });
}

async function tryLocalPostgres(port, database, log) {
  if (!(await portAnswers("127.0.0.1", port))) return null;
  const adminUrl = `postgresql://${ROLE}:${ROLE_PASSWORD}@127.0.0.1:${port}/postgres`;
  const url = withDatabase(adminUrl, database);

  if (await canConnect(url)) return url;
  if (await canConnect(adminUrl)) {
    try {
      await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${database}`));
      return url;
    } catch (err) {
      log(`local PostgreSQL: cannot create database "${database}" (${err.message})`);
    }
  }
  try {
    ensureRoleAsSuperuser(port);
    const exists = psqlAsSuperuser(
      port,
      `SELECT 1 FROM pg_database WHERE datname = '${database}'`,
    ).trim();
    if (exists !== "1") psqlAsSuperuser(port, `CREATE DATABASE ${database} OWNER ${ROLE}`);
    if (await canConnect(url)) return url;
  } catch (err) {
    log(
      `local PostgreSQL on port ${port} is not usable as "${ROLE}": ${err.message.split("\n")[0]}`,
    );
  }
  return null;
}

async function canConnect(url) {
  try {
    await withClient(url, (client) => client.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

function portAnswers(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1_000 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts PGlite behind its Postgres wire-protocol socket server, as a child process. */
export async function startEmbeddedPostgres({ dataDir, log = noop, port }) {
  const dbDir = path.join(path.resolve(dataDir), "pglite");
  mkdirSync(dbDir, { recursive: true });
  const listenPort = port ?? (await freePort());
  const require = createRequire(path.join(root, "prisma/package.json"));
  const server = path.join(
    path.dirname(require.resolve("@electric-sql/pglite-socket")),
    "scripts/server.js",
  );

  log(`starting embedded PostgreSQL (PGlite) on 127.0.0.1:${listenPort}, data in ${dbDir}`);
  const child = spawn(
    process.execPath,
    [server, `--db=${dbDir}`, "--host=127.0.0.1", `--port=${listenPort}`, "--max-connections=20"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  // Should the starter die without calling stop(), do not leave an 800 MB orphan holding the data dir.
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  exited.then(() => process.removeListener("exit", killOnExit));

  const url = `postgresql://postgres:postgres@127.0.0.1:${listenPort}/postgres?sslmode=disable`;
  try {
    await waitUntilAccepting(url, {
      timeoutMs: 120_000,
      what: "embedded PostgreSQL (PGlite)",
      child,
    });
  } catch (err) {
    child.kill("SIGKILL");
    throw new Error(`${err.message}\n${output.join("").trim().split("\n").slice(-10).join("\n")}`, {
      cause: err,
    });
  }

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGTERM makes the server close PGlite, which flushes its data directory.
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };
  return { url, kind: "embedded", stop, pid: child.pid };
}
