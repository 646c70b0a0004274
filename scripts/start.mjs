#!/usr/bin/env node
// The one command that starts the whole stack with demo data on a fresh clone: installs, builds,
// finds or starts a database, migrates and seeds it, starts the chain node and the portal, and
// prints where to sign in. Ctrl-C stops everything it started; a second run reuses the data.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { buildWorkspace, ensureDependencies, quietEnv, root } from "./lib/install.mjs";
import { loadDevSecrets } from "./lib/dev-secrets.mjs";
import { prepareDemoChain } from "./lib/demo-chain.mjs";
import { httpOk, startService, waitFor } from "./lib/proc.mjs";

const log = (msg) => console.log(`[start] ${msg}`);
const defaultStateDir = path.join(root, ".precision");
const stateDir = path.resolve(process.env.PRECISION_HOME ?? defaultStateDir);
// Each state folder has its chain, secrets and keys, so each gets its own database in a local
// PostgreSQL too: a second PRECISION_HOME sharing `precision` would re-key the first one's people.
const localDatabase =
  stateDir === defaultStateDir ? "precision" : `precision_${createHash("sha256").update(stateDir).digest("hex").slice(0, 12)}`;
const portalPort = Number(process.env.PRECISION_PORTAL_PORT ?? 3000);
const rpcPort = Number(process.env.PRECISION_RPC_PORT ?? 26657);
const indexerPort = Number(process.env.PRECISION_INDEXER_PORT ?? 9464);
const vaultPort = Number(process.env.PRECISION_VAULT_PORT ?? 9470);
const services = [];
let stopping = false;

async function assertPortFree(port, what) {
  await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", () =>
      reject(new Error(`port ${port} (${what}) is already in use; stop what holds it or set the port variable in the README`)),
    );
    server.listen(port, "127.0.0.1", () => server.close(resolve));
  });
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  for (const service of [...services].reverse()) await service.stop().catch(() => {});
  process.exit(code);
}

async function main() {
  process.on("SIGINT", () => shutdown(0));
  process.on("SIGTERM", () => shutdown(0));

  await ensureDependencies(log);
  await buildWorkspace(log);
  const secrets = await loadDevSecrets(stateDir);
  await assertPortFree(portalPort, "portal");
  await assertPortFree(rpcPort, "chain RPC");
  await assertPortFree(indexerPort, "indexer metrics");
  await assertPortFree(vaultPort, "vault");

  const { findDatabaseForStart } = await import("./lib/postgres.mjs");
  const database = await findDatabaseForStart({ dataDir: stateDir, database: localDatabase, log });
  services.push({ name: "database", stop: () => database.stop() });
  log(`database: ${database.kind === "local" ? `local PostgreSQL, database ${localDatabase}` : database.kind}`);

  const { migrate } = await import("@precision/db/migrate");
  const { seedDemo, DEMO_USERS, DEMO_PASSWORD_DEFAULT } = await import("@precision/db/seed");
  const { applied } = await migrate(database.url);
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  const password = process.env.PRECISION_DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT;
  await seedDemo(database.url, { password });
  const { seedDemoPatients } = await import("@precision/db/seed");
  log(`demo patients: ${await seedDemoPatients(database.url, { password })}`);

  const freshChain = !existsSync(path.join(stateDir, "chain/config/genesis.json"));
  const chainHome = await prepareDemoChain({
    stateDir,
    databaseUrl: database.url,
    keySecret: secrets.PRECISION_KEY_ENCRYPTION_SECRET,
    vaultOperatorMnemonic: secrets.VAULT_OPERATOR_MNEMONIC,
    log,
  });
  const rpcUrl = `http://127.0.0.1:${rpcPort}`;
  const node = startService(
    "chain",
    path.join(root, "chain/bin/precisiond.js"),
    ["start", "--home", chainHome, "--rpc.laddr", `tcp://127.0.0.1:${rpcPort}`],
    { cwd: root },
  );
  services.push(node);
  node.exited.then(({ code }) => !stopping && (log(`chain node exited (${code})`), shutdown(1)));
  await waitFor("the chain node", () => httpOk(`${rpcUrl}/health`), { service: node });

  if (freshChain) {
    // A new chain from genesis: rows indexed from an earlier chain in this database must go.
    const { createPrismaClient } = await import("@precision/db");
    const { resetIndexedState } = await import("@precision/indexer");
    const prisma = createPrismaClient(database.url);
    await resetIndexedState(prisma).finally(() => prisma.$disconnect());
  }
  const indexer = startService("indexer", "node", [path.join(root, "apps/indexer/dist/src/main.js")], {
    cwd: root,
    env: { ...quietEnv, DATABASE_URL: database.url, CHAIN_RPC_URL: rpcUrl, INDEXER_METRICS_PORT: String(indexerPort) },
  });
  services.push(indexer);
  indexer.exited.then(({ code }) => !stopping && (log(`indexer exited (${code})`), shutdown(1)));
  await waitFor("the indexer", () => httpOk(`http://127.0.0.1:${indexerPort}/metrics`), { service: indexer });

  const portalUrl = `http://localhost:${portalPort}`;
  const vaultUrl = `http://127.0.0.1:${vaultPort}`;
  const vault = startService("vault", "node", [path.join(root, "apps/vault/dist/src/main.js")], {
    cwd: root,
    env: {
      ...quietEnv,
      CHAIN_RPC_URL: rpcUrl,
      VAULT_PORT: String(vaultPort),
      VAULT_DATA_DIR: path.join(stateDir, "vault"),
      VAULT_OPERATOR_MNEMONIC: secrets.VAULT_OPERATOR_MNEMONIC,
      VAULT_CORS_ORIGINS: portalUrl,
    },
  });
  services.push(vault);
  vault.exited.then(({ code }) => !stopping && (log(`vault exited (${code})`), shutdown(1)));
  await waitFor("the vault", () => httpOk(`${vaultUrl}/health`), { service: vault });
  const { uploadDemoObjects } = await import("./lib/demo-chain.mjs");
  await uploadDemoObjects({ stateDir, vaultUrl, uploaderMnemonic: secrets.VAULT_OPERATOR_MNEMONIC, log });

  const portal = startService("portal", "npx", ["next", "start", "-p", String(portalPort)], {
    cwd: path.join(root, "apps/portal"),
    env: {
      ...quietEnv,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      AUTH_SECRET: secrets.AUTH_SECRET,
      AUTH_URL: portalUrl,
      AUTH_TRUST_HOST: "true",
      PRECISION_DEMO: "1",
      PRECISION_DEMO_PASSWORD: password,
      CHAIN_RPC_URL: rpcUrl,
      VAULT_URL: vaultUrl,
      PRECISION_KEY_ENCRYPTION_SECRET: secrets.PRECISION_KEY_ENCRYPTION_SECRET,
    },
  });
  services.push(portal);
  portal.exited.then(({ code }) => !stopping && (log(`portal exited (${code})`), shutdown(1)));
  await waitFor("the portal", () => httpOk(`${portalUrl}/signin`), { service: portal });

  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  console.log(`\n  Precision is running at ${portalUrl}`);
  console.log(`  Chain RPC (CometBFT 0.38 JSON-RPC, chain id precision-local-1) at ${rpcUrl}`);
  console.log(`  Indexer metrics (Prometheus) at http://127.0.0.1:${indexerPort}/metrics`);
  console.log(`  Record vault (encrypted objects, signed requests) at ${vaultUrl}\n`);
  console.log(`  Demo sign-ins (password: ${password}):`);
  for (const u of DEMO_USERS) console.log(`    ${u.email.padEnd(width)}  ${u.role.toLowerCase().padEnd(10)}  ${u.name}`);
  console.log(`    …and 48 more demo patients (…@patients.example, same password), each with a generated history.`);
  console.log(`\n  Data lives in ${stateDir}. Press Ctrl-C to stop.\n`);
}

main().catch(async (err) => {
  console.error(`[start] ${err.message}`);
  await shutdown(1);
});
