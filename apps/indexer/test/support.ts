// Real parts for the indexer's integration tests: a precisiond process, a throwaway PostgreSQL
// database migrated by @precision/db, and the indexer as its own process (so kill -9 is real).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { DirectSecp256k1Wallet, type OfflineDirectSigner } from "@cosmjs/proto-signing";
import { SigningStargateClient, StargateClient } from "@cosmjs/stargate";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { createPrismaClient, type PrismaClient } from "@precision/db";
import { migrate } from "@precision/db/migrate";
import { createTestNode as createNode, freePort, waitFor as waitUntil, type TestNode } from "../../../tooling/testing/precisiond.mjs";
import { indexerNodeArgs, inheritedEnv, testAdminUrl } from "./env.js";
import { createThrowawayDatabase, dropDatabase } from "../../../scripts/lib/postgres.mjs";


export { freePort };
export type { TestNode } from "../../../tooling/testing/precisiond.mjs";

/** A real precisiond in a temporary home, set up through its CLI contract. */
export function createTestNode(accounts: readonly { address: string; coins: string }[], blockTime = "200ms"): Promise<TestNode> {
  return createNode(accounts, { blockTime });
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
  const child: ChildProcess = spawn("node", [...indexerNodeArgs(), MAIN], {
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

export function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000, intervalMs = 100): Promise<T> {
  return waitUntil(what, probe, timeoutMs, intervalMs);
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
