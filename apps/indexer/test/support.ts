// Real parts for the indexer's integration tests: a precisiond process, a throwaway PostgreSQL
// database migrated by @precision/db, and the indexer as its own process (so kill -9 is real).
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DirectSecp256k1Wallet, type OfflineDirectSigner } from "@cosmjs/proto-signing";
import { SigningStargateClient, StargateClient } from "@cosmjs/stargate";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { createPrismaClient, type PrismaClient } from "@precision/db";
import { migrate } from "@precision/db/migrate";
import { inheritedEnv, testAdminUrl } from "./env.js";
import { createThrowawayDatabase, dropDatabase } from "../../../scripts/lib/postgres.mjs";

const PRECISIOND = path.resolve(import.meta.dirname, "../../../chain/bin/precisiond.js");
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

export interface TestNode {
  readonly rpcUrl: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface GenesisFile {
  app_state: {
    auth: { accounts: { account_number: string }[] };
    bank: { balances: { address: string; coins: { denom: string; amount: string }[] }[]; supply: unknown[] };
  };
}

/**
 * The rest of a large account list goes straight into genesis.json in the shape `genesis
 * add-account` writes (one process per account would take minutes for a benchmark's hundreds).
 */
function appendGenesisAccounts(file: string, accounts: readonly { address: string; coins: string }[]): void {
  const genesis = JSON.parse(readFileSync(file, "utf8")) as GenesisFile;
  let next = genesis.app_state.auth.accounts.reduce((n, a) => Math.max(n, Number(a.account_number) + 1), 0);
  for (const a of accounts) {
    const [, amount, denom] = /^(\d+)([a-z]+)$/.exec(a.coins) ?? [];
    if (!amount || !denom) throw new Error(`bad coins ${a.coins}`);
    genesis.app_state.auth.accounts.push({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address: a.address, pub_key: null, account_number: String(next++), sequence: "0" } as never);
    genesis.app_state.bank.balances.push({ address: a.address, coins: [{ denom, amount }] });
  }
  genesis.app_state.bank.supply = [];
  writeFileSync(file, JSON.stringify(genesis, null, 2));
}

/** A real precisiond in a temporary home, set up through its CLI contract. */
export async function createTestNode(accounts: readonly { address: string; coins: string }[], blockTime = "200ms"): Promise<TestNode> {
  const home = path.join(mkdtempSync(path.join(tmpdir(), "precision-indexer-node-")), "home");
  await run("node", [PRECISIOND, "init", "--home", home, "--chain-id", "precision-local-1"]);
  const [first, ...rest] = accounts;
  if (first) await run("node", [PRECISIOND, "genesis", "add-account", "--home", home, first.address, first.coins]);
  if (rest.length > 0) appendGenesisAccounts(path.join(home, "config/genesis.json"), rest);
  const port = await freePort();
  const rpcUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const log: string[] = [];
  return {
    rpcUrl,
    async start() {
      child = spawn("node", [PRECISIOND, "start", "--home", home, "--rpc.laddr", `tcp://127.0.0.1:${port}`, "--block-time", blockTime], { stdio: ["ignore", "pipe", "pipe"] });
      child.stdout?.on("data", (d) => log.push(String(d)));
      child.stderr?.on("data", (d) => log.push(String(d)));
      const c = child;
      await waitFor("precisiond to produce a block", async () => {
        if (c.exitCode !== null) throw new Error(`precisiond exited: ${log.join("")}`);
        return (await nodeHeight({ rpcUrl })) >= 1n;
      }, 30_000);
    },
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      c.kill("SIGTERM");
      await new Promise((resolve) => c.once("exit", resolve));
    },
  };
}

const MAIN = path.resolve(import.meta.dirname, "../dist/src/main.js");


export interface TestDatabase {
  readonly url: string;
  readonly prisma: PrismaClient;
  drop(): Promise<void>;
}

export async function testDatabase(adminUrl: string = testAdminUrl()): Promise<TestDatabase> {
  const url = await createThrowawayDatabase(adminUrl, "precision_indexer_test");
  await migrate(url);
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await dropDatabase(url);
    },
  };
}

export interface Account {
  readonly wallet: OfflineDirectSigner;
  readonly address: string;
}

export async function newAccount(): Promise<Account> {
  const wallet = await DirectSecp256k1Wallet.fromKey(crypto.getRandomValues(new Uint8Array(32)), "prec");
  const [account] = await wallet.getAccounts();
  return { wallet, address: account!.address };
}

/**
 * Signs `count` sends per account offline (explicit account numbers and sequences) and broadcasts
 * them in waves, so hundreds of txs from several accounts land in a few blocks.
 */
export async function sendMany(node: TestNode, chainId: string, from: readonly Account[], to: string, count: number, amount = "1"): Promise<string[]> {
  const query = await StargateClient.connect(node.rpcUrl);
  const hashes: string[] = [];
  try {
    const signers = await Promise.all(
      from.map(async (a) => {
        const account = await query.getAccount(a.address);
        const client = await SigningStargateClient.offline(a.wallet);
        return { a, client, accountNumber: account!.accountNumber, sequence: account!.sequence };
      }),
    );
    for (let n = 0; n < count; n++) {
      const raws = await Promise.all(
        signers.map(async (s) => {
          const raw = await s.client.sign(
            s.a.address,
            [{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: s.a.address, toAddress: to, amount: [{ denom: "uusd", amount }] } }],
            { amount: [{ denom: "uusd", amount: "2500" }], gas: "100000" },
            "",
            { accountNumber: s.accountNumber, sequence: s.sequence++, chainId },
          );
          return TxRaw.encode(raw).finish();
        }),
      );
      for (const tx of raws) hashes.push(await query.broadcastTxSync(tx));
    }
  } finally {
    query.disconnect();
  }
  return hashes;
}

export interface IndexerProcess {
  readonly metricsUrl: string;
  readonly log: string[];
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export async function startIndexer(databaseUrl: string, rpcUrl: string, extraEnv: Record<string, string> = {}): Promise<IndexerProcess> {
  const port = await freePort();
  const log: string[] = [];
  const child: ChildProcess = spawn("node", [MAIN], {
    env: { ...inheritedEnv(), DATABASE_URL: databaseUrl, CHAIN_RPC_URL: rpcUrl, INDEXER_METRICS_PORT: String(port), INDEXER_POLL_MS: "200", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => log.push(String(d)));
  child.stderr?.on("data", (d) => log.push(String(d)));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return {
    metricsUrl: `http://127.0.0.1:${port}/metrics`,
    log,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
    async kill9() {
      if (child.exitCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function nodeHeight(node: Pick<TestNode, "rpcUrl">): Promise<bigint> {
  const res = await fetch(`${node.rpcUrl}/status`);
  const body = (await res.json()) as { result: { sync_info: { latest_block_height: string } } };
  return BigInt(body.result.sync_info.latest_block_height);
}

export async function cursorHeight(prisma: PrismaClient): Promise<bigint> {
  const row = await prisma.indexerCursor.findUnique({ where: { id: "chain" } });
  return row?.height ?? 0n;
}

const TABLES: Record<string, string> = {
  ChainBlock: `"height"`,
  ChainTx: `"hash"`,
  AddressTx: `"address", "txHash"`,
  ChainEvent: `"height", "txIndex", "eventIndex"`,
  ChainEventAttribute: `"height", "txIndex", "eventIndex", "attrIndex"`,
  ChainAccount: `"address"`,
  ChainBalance: `"address", "denom"`,
  ChainOrganization: `"id"`,
  ChainMember: `"organizationId", "address"`,
  ChainDevice: `"id"`,
};

/** md5 of every row (in key order) of each indexed table, up to a height where the table has one. */
export async function tableChecksums(prisma: PrismaClient, upTo: bigint): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    const heightColumn = ["ChainBlock", "ChainTx", "AddressTx", "ChainEvent", "ChainEventAttribute"].includes(table) ? `"height"` : undefined;
    const where = heightColumn ? `WHERE ${heightColumn} <= ${upTo}` : "";
    const rows = await prisma.$queryRawUnsafe<{ n: bigint; md5: string | null }[]>(
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY ${order})) AS md5 FROM "${table}" t ${where}`,
    );
    out[table] = `${rows[0]!.n}:${rows[0]!.md5 ?? "-"}`;
  }
  return out;
}
