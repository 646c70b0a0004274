// The real chain node, indexer and vault for the end-to-end run: precisiond in a temporary home
// with the start command's demo genesis (organisations with their keys, staff and patient
// accounts, the vault operator) plus a funded test account, apps/indexer writing into the run's
// database, and apps/vault.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { generateMnemonic } from "@precision/client";
import { prepareDemoChain, uploadDemoObjects } from "../../../scripts/lib/demo-chain.mjs";
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

function spawnLogged(command: string, args: string[], env: Record<string, string> = {}) {
  const log: string[] = [];
  const child = spawn(command, args, { cwd: root, env: { ...e2eEnv().inherited, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d) => log.push(String(d)));
  child.stderr?.on("data", (d) => log.push(String(d)));
  return { child, log };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

export function vaultUrl(): string {
  return `http://127.0.0.1:${e2eEnv().vaultPort}`;
}

/** Starts node, indexer and vault; resolves to a function that stops them. */
export async function startChainAndIndexer(databaseUrl: string): Promise<() => Promise<void>> {
  const { chainPort, indexerPort, vaultPort, keySecret } = e2eEnv();
  const precisiond = path.join(root, "chain/bin/precisiond.js");
  const stateDir = mkdtempSync(path.join(tmpdir(), "precision-e2e-"));
  const vaultOperatorMnemonic = generateMnemonic(24);
  const home = await prepareDemoChain({ stateDir, databaseUrl, keySecret, vaultOperatorMnemonic, log: () => undefined });
  writeFileSync(e2eEnv().stateFile, JSON.stringify({ chainHome: home }));
  const [sender] = await (await e2eWallet()).getAccounts();
  await run("node", [precisiond, "genesis", "add-account", "--home", home, sender!.address, "1000000000000uusd"]);
  const node = spawnLogged(precisiond, ["start", "--home", home, "--rpc.laddr", `tcp://127.0.0.1:${chainPort}`, "--block-time", "500ms"]);
  await waitUntil("precisiond", async () => (await fetch(`${chainRpcUrl()}/health`)).ok, node.child, node.log);

  const indexerMain = path.join(root, "apps/indexer/dist/src/main.js");
  await run("node", [indexerMain, "reset"], { env: { ...e2eEnv().inherited, DATABASE_URL: databaseUrl, CHAIN_RPC_URL: chainRpcUrl() } });
  const indexer = spawnLogged("node", [indexerMain], { DATABASE_URL: databaseUrl, CHAIN_RPC_URL: chainRpcUrl(), INDEXER_METRICS_PORT: String(indexerPort) });
  await waitUntil("the indexer", async () => (await fetch(`http://127.0.0.1:${indexerPort}/healthz`)).ok, indexer.child, indexer.log);
  const vault = spawnLogged("node", [path.join(root, "apps/vault/dist/src/main.js")], {
    CHAIN_RPC_URL: chainRpcUrl(),
    VAULT_PORT: String(vaultPort),
    VAULT_DATA_DIR: path.join(stateDir, "vault"),
    VAULT_OPERATOR_MNEMONIC: vaultOperatorMnemonic,
  });
  await waitUntil("the vault", async () => (await fetch(`${vaultUrl()}/health`)).ok, vault.child, vault.log);
  await uploadDemoObjects({ stateDir, vaultUrl: vaultUrl(), uploaderMnemonic: vaultOperatorMnemonic });
  return async () => {
    await stop(vault.child);
    await stop(indexer.child);
    await stop(node.child);
    rmSync(stateDir, { recursive: true, force: true });
    rmSync(e2eEnv().stateFile, { force: true });
  };
}
