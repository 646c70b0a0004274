// The real chain node and indexer for the end-to-end run: precisiond in a temporary home with a
// funded test account, and apps/indexer writing into the run's database.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { e2eEnv } from "./env.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);

/** A fixed test key: e2e tests sign with it through CosmJS; it holds nothing outside this run. */
export const E2E_SENDER_KEY = Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + 1) & 0xff);

export function e2eWallet() {
  return DirectSecp256k1Wallet.fromKey(E2E_SENDER_KEY, "prec");
}

export function chainRpcUrl(): string {
  return `http://127.0.0.1:${e2eEnv().chainPort}`;
}

async function waitUntil(what: string, probe: () => Promise<boolean>, child: ChildProcess, log: string[]) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited:\n${log.join("").slice(-3000)}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not come up:\n${log.join("").slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function spawnLogged(args: string[], env: Record<string, string> = {}) {
  const log: string[] = [];
  const child = spawn("node", args, { cwd: root, env: { ...e2eEnv().inherited, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d) => log.push(String(d)));
  child.stderr?.on("data", (d) => log.push(String(d)));
  return { child, log };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

/** Starts node and indexer; resolves to a function that stops both. */
export async function startChainAndIndexer(databaseUrl: string): Promise<() => Promise<void>> {
  const { chainPort, indexerPort } = e2eEnv();
  const precisiond = path.join(root, "chain/bin/precisiond.js");
  const home = path.join(mkdtempSync(path.join(tmpdir(), "precision-e2e-chain-")), "home");
  const [sender] = await (await e2eWallet()).getAccounts();
  await run("node", [precisiond, "init", "--home", home, "--chain-id", "precision-local-1"]);
  await run("node", [precisiond, "genesis", "add-account", "--home", home, sender!.address, "1000000000000uusd"]);
  const node = spawnLogged([precisiond, "start", "--home", home, "--rpc.laddr", `tcp://127.0.0.1:${chainPort}`, "--block-time", "500ms"]);
  await waitUntil("precisiond", async () => (await fetch(`${chainRpcUrl()}/health`)).ok, node.child, node.log);

  const indexerMain = path.join(root, "apps/indexer/dist/src/main.js");
  await run("node", [indexerMain, "reset"], { env: { ...e2eEnv().inherited, DATABASE_URL: databaseUrl, CHAIN_RPC_URL: chainRpcUrl() } });
  const indexer = spawnLogged([indexerMain], { DATABASE_URL: databaseUrl, CHAIN_RPC_URL: chainRpcUrl(), INDEXER_METRICS_PORT: String(indexerPort) });
  await waitUntil("the indexer", async () => (await fetch(`http://127.0.0.1:${indexerPort}/healthz`)).ok, indexer.child, indexer.log);
  return async () => {
    await stop(indexer.child);
    await stop(node.child);
  };
}
