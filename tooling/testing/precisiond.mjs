// A real precisiond for apps' integration tests, set up through its CLI contract (init, genesis
// add-account, start). Apps never import chain internals; they run the node's binary.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const PRECISIOND = path.resolve(import.meta.dirname, "../../chain/bin/precisiond.js");
const run = promisify(execFile);

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(what, probe, timeoutMs = 30_000, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ""}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * The rest of a large account list goes straight into genesis.json in the shape `genesis
 * add-account` writes (one process per account would take minutes for hundreds).
 */
function appendGenesisAccounts(genesis, accounts) {
  let next = genesis.app_state.auth.accounts.reduce((n, a) => Math.max(n, Number(a.account_number) + 1), 0);
  for (const a of accounts) {
    const [, amount, denom] = /^(\d+)([a-z]+)$/.exec(a.coins) ?? [];
    if (!amount || !denom) throw new Error(`bad coins ${a.coins}`);
    genesis.app_state.auth.accounts.push({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address: a.address, pub_key: null, account_number: String(next++), sequence: "0" });
    genesis.app_state.bank.balances.push({ address: a.address, coins: [{ denom, amount }] });
  }
  genesis.app_state.bank.supply = [];
}

async function height(rpcUrl) {
  const res = await fetch(`${rpcUrl}/status`);
  const body = await res.json();
  return BigInt(body.result.sync_info.latest_block_height);
}

export async function createTestNode(accounts, options = {}) {
  const blockTime = options.blockTime ?? "200ms";
  const root = mkdtempSync(path.join(tmpdir(), "precisiond-test-"));
  const home = path.join(root, "home");
  await run("node", [PRECISIOND, "init", "--home", home, "--chain-id", "precision-local-1"]);
  const [first, ...rest] = accounts;
  if (first) await run("node", [PRECISIOND, "genesis", "add-account", "--home", home, first.address, first.coins]);
  const file = path.join(home, "config/genesis.json");
  if (rest.length > 0 || options.genesis) {
    const genesis = JSON.parse(readFileSync(file, "utf8"));
    appendGenesisAccounts(genesis, rest);
    options.genesis?.(genesis);
    writeFileSync(file, JSON.stringify(genesis, null, 2));
  }
  const port = await freePort();
  const rpcUrl = `http://127.0.0.1:${port}`;
  let child;
  const log = [];
  return {
    rpcUrl,
    home,
    log,
    async start() {
      child = spawn(PRECISIOND, ["start", "--home", home, "--rpc.laddr", `tcp://127.0.0.1:${port}`, "--block-time", blockTime], { stdio: ["ignore", "pipe", "pipe"] });
      child.stdout?.on("data", (d) => log.push(String(d)));
      child.stderr?.on("data", (d) => log.push(String(d)));
      const c = child;
      await waitFor("precisiond to produce a block", async () => {
        if (c.exitCode !== null) throw new Error(`precisiond exited: ${log.join("")}`);
        return (await height(rpcUrl)) >= 1n;
      }, 30_000);
    },
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      c.kill("SIGTERM");
      await new Promise((resolve) => c.once("exit", resolve));
    },
    async remove() {
      await this.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
