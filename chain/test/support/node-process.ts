// Runs the real precisiond binary in a temporary home for integration tests.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { addGenesisAccount, type AppState } from "../../app/genesis.js";
import { parseCoinList } from "../../cli/genesis-cmd.js";

const bin = path.resolve(import.meta.dirname, "../../bin/precisiond.js");
const run = promisify(execFile);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function precisiond(...args: string[]) {
  return run("node", [bin, ...args]);
}

export interface TestNode {
  readonly home: string;
  readonly rpcUrl: string;
  readonly wsUrl: string;
  start(): Promise<void>;
  stop(): Promise<number | null>;
  kill9(): Promise<void>;
  /** Stops the node if it runs and deletes its temporary home (a bench run leaves ~200 MB). */
  remove(): Promise<void>;
  /** The running process's id, for measuring it from outside. */
  readonly pid: number | undefined;
  readonly log: string[];
}

export async function createTestNode(
  accounts: readonly { address: string; coins: string }[],
  blockTime = "200ms",
): Promise<TestNode> {
  const root = mkdtempSync(path.join(tmpdir(), "precisiond-"));
  const home = path.join(root, "home");
  await precisiond("init", "--home", home, "--chain-id", "precision-local-1");
  // The first account goes through the CLI contract; the rest are added in-process, which is the
  // same code without a process start per account (benchmarks fund hundreds).
  const [first, ...rest] = accounts;
  if (first) await precisiond("genesis", "add-account", "--home", home, first.address, first.coins);
  if (rest.length) {
    const file = path.join(home, "config/genesis.json");
    const genesis = JSON.parse(readFileSync(file, "utf8")) as { app_state: AppState };
    for (const a of rest) {
      genesis.app_state = addGenesisAccount(genesis.app_state, {
        address: a.address,
        coins: parseCoinList(a.coins),
      });
    }
    writeFileSync(file, JSON.stringify(genesis, null, 2));
  }
  const port = await freePort();
  const log: string[] = [];
  let child: ChildProcess | undefined;
  const rpcUrl = `http://127.0.0.1:${port}`;

  const node: TestNode = {
    home,
    rpcUrl,
    wsUrl: `ws://127.0.0.1:${port}`,
    log,
    async start() {
      child = spawn(
        bin,
        [
          "start",
          "--home",
          home,
          "--rpc.laddr",
          `tcp://127.0.0.1:${port}`,
          "--block-time",
          blockTime,
        ],
        {
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      child.stdout?.on("data", (d) => log.push(String(d)));
      child.stderr?.on("data", (d) => log.push(String(d)));
      const deadline = Date.now() + 30_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`precisiond exited: ${log.join("")}`);
        try {
          const res = await fetch(`${rpcUrl}/status`);
          const body = (await res.json()) as {
            result?: { sync_info: { latest_block_height: string } };
          };
          if (Number(body.result?.sync_info.latest_block_height) >= 1) return;
        } catch {
          /* not up yet */
        }
        if (Date.now() > deadline) throw new Error(`precisiond did not start: ${log.join("")}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    get pid() {
      return child?.pid;
    },
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null) return c?.exitCode ?? null;
      c.kill("SIGTERM");
      return new Promise((resolve) => c.once("exit", (code) => resolve(code)));
    },
    async remove() {
      await node.stop();
      rmSync(root, { recursive: true, force: true });
    },
    async kill9() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      c.kill("SIGKILL");
      await new Promise((resolve) => c.once("exit", resolve));
    },
  };
  return node;
}
