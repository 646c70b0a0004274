// npm run bench:indexer — catch-up rate (blocks/s, tx/s), lag while the node takes a steady
// 1,000 tx/s, and, in the same run, the raw PostgreSQL COPY rate of the same rows.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { SigningStargateClient } from "@cosmjs/stargate";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { ensurePostgresServer } from "../../../scripts/lib/postgres.mjs";
import { benchAdminUrl } from "../test/env.js";
import { createTestNode, cursorHeight, newAccount, nodeHeight, startIndexer, testDatabase, waitFor, type Account } from "../test/support.js";

const CHAIN_ID = "precision-local-1";
const ACCOUNTS = 200;
const CATCH_UP_TXS = 10_000;
const LOAD_RATE = 1_000;
const LOAD_SECONDS = 20;
const TABLES = ["ChainBlock", "ChainTx", "AddressTx", "ChainEvent", "ChainEventAttribute"];

interface Signer {
  account: Account;
  client: SigningStargateClient;
  accountNumber: number;
  sequence: number;
}

async function presign(signers: Signer[], perAccount: number, to: string): Promise<string[]> {
  const out: string[] = [];
  for (let n = 0; n < perAccount; n++) {
    const round = await Promise.all(
      signers.map(async (s) => {
        const raw = await s.client.sign(
          s.account.address,
          [{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: s.account.address, toAddress: to, amount: [{ denom: "uusd", amount: "1" }] } }],
          { amount: [{ denom: "uusd", amount: "2500" }], gas: "100000" },
          "",
          { accountNumber: BigInt(s.accountNumber), sequence: s.sequence++, chainId: CHAIN_ID },
        );
        return Buffer.from(TxRaw.encode(raw).finish()).toString("base64");
      }),
    );
    out.push(...round);
  }
  return out;
}

async function broadcast(rpcUrl: string, txs: string[]): Promise<void> {
  const res = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(txs.map((tx, id) => ({ jsonrpc: "2.0", id, method: "broadcast_tx_sync", params: { tx } }))),
  });
  await res.arrayBuffer();
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function copyRate(sourceUrl: string, targetUrl: string): Promise<{ rows: number; seconds: number }> {
  const source = new pg.Client({ connectionString: sourceUrl });
  const target = new pg.Client({ connectionString: targetUrl });
  await Promise.all([source.connect(), target.connect()]);
  try {
    // Stage the rows in memory first, so the timing covers only COPY FROM into PostgreSQL.
    const staged: Record<string, Buffer> = {};
    let rows = 0;
    for (const t of TABLES) {
      const chunks: Buffer[] = [];
      await pipeline(source.query(copyTo(`COPY "${t}" TO STDOUT`)), new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c), cb()) }));
      staged[t] = Buffer.concat(chunks);
      rows += Number((await source.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    }
    const started = performance.now();
    await target.query("BEGIN");
    for (const t of TABLES) {
      const stream = target.query(copyFrom(`COPY "${t}" FROM STDIN`));
      stream.end(staged[t]);
      await new Promise<void>((resolve, reject) => stream.on("finish", resolve).on("error", reject));
    }
    await target.query("COMMIT");
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await Promise.all([source.end(), target.end()]);
  }
}

async function countRows(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let rows = 0;
    for (const t of TABLES) rows += Number((await client.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    return rows;
  } finally {
    await client.end();
  }
}

async function main() {
  const accounts = await Promise.all(Array.from({ length: ACCOUNTS }, () => newAccount()));
  const sink = await newAccount();
  const node = await createTestNode(accounts.map((a) => ({ address: a.address, coins: "1000000000uusd" })), "1s");
  await node.start();
  const adminUrl = benchAdminUrl() ?? (await ensurePostgresServer());
  const db = await testDatabase(adminUrl);
  const copyTarget = await testDatabase(adminUrl);
  try {
    const signers: Signer[] = await Promise.all(
      accounts.map(async (account, i) => ({ account, client: await SigningStargateClient.offline(account.wallet), accountNumber: i, sequence: 0 })),
    );
    console.log(`pre-signing ${CATCH_UP_TXS + LOAD_RATE * LOAD_SECONDS} sends from ${ACCOUNTS} accounts…`);
    const backlog = await presign(signers, CATCH_UP_TXS / ACCOUNTS, sink.address);
    const load = await presign(signers, (LOAD_RATE * LOAD_SECONDS) / ACCOUNTS, sink.address);

    // 1. A backlog of blocks for the indexer to catch up on.
    for (let i = 0; i < backlog.length; i += 200) await broadcast(node.rpcUrl, backlog.slice(i, i + 200));
    const base = await nodeHeight(node);
    await waitFor("the backlog committed", async () => (await nodeHeight(node)) > base + 1n, 120_000);
    const target = await nodeHeight(node);
    const indexer = await startIndexer(db.url, node.rpcUrl);
    const started = performance.now();
    await waitFor("catch-up", async () => (await cursorHeight(db.prisma)) >= target, 600_000);
    const catchUpSeconds = (performance.now() - started) / 1000;
    const indexedTxs = await db.prisma.chainTx.count();
    const catchUpRows = await countRows(db.url);
    console.log(`catch-up: ${target} blocks, ${indexedTxs} txs in ${catchUpSeconds.toFixed(1)} s → ${(Number(target) / catchUpSeconds).toFixed(1)} blocks/s, ${Math.round(indexedTxs / catchUpSeconds)} tx/s`);

    // 2. Steady load while the indexer follows live. The node kept making (empty) blocks during
    // the catch-up; let the indexer reach the tip first, so the samples measure following, not
    // the end of the catch-up.
    const settled = await nodeHeight(node);
    await waitFor("the indexer at the tip", async () => (await cursorHeight(db.prisma)) >= settled, 60_000);
    const lags: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [tip, indexed] = await Promise.all([nodeHeight(node), cursorHeight(db.prisma)]);
        lags.push(Number(tip - indexed));
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const perTick = LOAD_RATE / 10;
    const loadStart = performance.now();
    for (let i = 0; i < load.length; i += perTick) {
      const due = loadStart + (i / LOAD_RATE) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      void broadcast(node.rpcUrl, load.slice(i, i + perTick));
    }
    const offered = load.length / ((performance.now() - loadStart) / 1000);
    const end = await nodeHeight(node);
    await waitFor("the load indexed", async () => (await cursorHeight(db.prisma)) >= end, 300_000);
    sampling = false;
    await sampler;
    await indexer.stop();
    const sorted = [...lags].sort((a, b) => a - b);
    console.log(`steady load: ${Math.round(offered)} tx/s offered for ${LOAD_SECONDS} s; lag behind the node (blocks): p50 ${percentile(sorted, 50)}, p95 ${percentile(sorted, 95)}, max ${sorted.at(-1)} over ${lags.length} samples`);

    // 3. The same rows through COPY, in the same run.
    const copy = await copyRate(db.url, copyTarget.url);
    const copyRowsPerSecond = copy.rows / copy.seconds;
    const indexerRowsPerSecond = catchUpRows / catchUpSeconds;
    console.log(`raw COPY of the same tables (${TABLES.join(", ")}), ${copy.rows} rows: ${copy.seconds.toFixed(2)} s → ${Math.round(copyRowsPerSecond)} rows/s`);
    console.log(`indexer catch-up: ${catchUpRows} rows in ${catchUpSeconds.toFixed(1)} s → ${Math.round(indexerRowsPerSecond)} rows/s (with RPC fetch, decoding and projections); ratio to COPY: ${((indexerRowsPerSecond / copyRowsPerSecond) * 100).toFixed(1)} %`);
  } finally {
    await node.remove();
    await db.drop();
    await copyTarget.drop();
  }
}

await main();
