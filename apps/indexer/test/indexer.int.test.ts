import { StargateClient } from "@cosmjs/stargate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestNode,
  cursorHeight,
  newAccount,
  nodeHeight,
  sendMany,
  startIndexer,
  tableChecksums,
  testDatabase,
  waitFor,
  type Account,
  type TestDatabase,
  type TestNode,
} from "./support.js";

const CHAIN_ID = "precision-local-1";
let node: TestNode;
let senders: Account[];
let sink: Account;
let poor: Account;
const databases: TestDatabase[] = [];

async function database(): Promise<TestDatabase> {
  const db = await testDatabase();
  databases.push(db);
  return db;
}

async function indexUpTo(db: TestDatabase, height: bigint, rpcUrl = node.rpcUrl) {
  const indexer = await startIndexer(db.url, rpcUrl);
  try {
    await waitFor(`indexed height ${height}`, async () => (await cursorHeight(db.prisma)) >= height, 90_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}; indexer log:\n${indexer.log.join("").slice(-3000)}`, { cause: err });
  } finally {
    await indexer.stop();
  }
}

beforeAll(async () => {
  senders = await Promise.all([0, 1, 2, 3, 4].map(() => newAccount()));
  sink = await newAccount();
  poor = await newAccount();
  node = await createTestNode(
    [...senders.map((a) => ({ address: a.address, coins: "1000000000uusd" })), { address: poor.address, coins: "3000uusd" }],
    "200ms",
  );
  await node.start();
  // 300 sends from 5 accounts, and one that fails with insufficient funds (code 5) after paying its fee.
  const hashes = await sendMany(node, CHAIN_ID, senders, sink.address, 60);
  hashes.push(...(await sendMany(node, CHAIN_ID, [poor], sink.address, 1, "1000")));
  const client = await StargateClient.connect(node.rpcUrl);
  await waitFor("all txs committed", async () => (await Promise.all(hashes.map((h) => client.getTx(h)))).every((t) => t !== null), 60_000);
  client.disconnect();
}, 180_000);

afterAll(async () => {
  await node?.remove();
  for (const db of databases) await db.drop();
});

describe("indexer against the real node and PostgreSQL", () => {
  it("after 300 txs from several accounts, every balance, sequence and count equals the chain's", async () => {
    const db = await database();
    const tip = await nodeHeight(node);
    await indexUpTo(db, tip);
    const client = await StargateClient.connect(node.rpcUrl);
    try {
      for (const a of [...senders, sink, poor]) {
        const chainBalance = await client.getBalance(a.address, "uusd");
        const row = await db.prisma.chainBalance.findUnique({ where: { address_denom: { address: a.address, denom: "uusd" } } });
        expect(row?.amount ?? "0", a.address).toBe(chainBalance.amount);
        const account = await client.getAccount(a.address);
        const indexed = await db.prisma.chainAccount.findUnique({ where: { address: a.address } });
        expect(indexed?.sequence ?? 0n).toBe(BigInt(account?.sequence ?? 0));
        if (account) expect(indexed?.accountNumber).toBe(BigInt(account.accountNumber));
      }
      const search = await client.searchTx("tx.height>=1");
      expect(await db.prisma.chainTx.count({ where: { height: { lte: tip } } })).toBe(search.length);
      for (const a of senders) expect(await db.prisma.chainTx.count({ where: { signers: { has: a.address } } })).toBe(60);
      const failed = await db.prisma.chainTx.findMany({ where: { code: { not: 0 } } });
      expect(failed.map((t) => [t.code, t.codespace, t.signers])).toEqual([[5, "sdk", [poor.address]]]);
      // Every block from 1 to the tip, no gaps, and the heights of the txs match the node's.
      expect(await db.prisma.chainBlock.count({ where: { height: { lte: tip } } })).toBe(Number(tip));
      const sample = search[17]!;
      const tx = await db.prisma.chainTx.findUnique({ where: { hash: sample.hash } });
      expect(tx?.height).toBe(BigInt(sample.height));
      expect(tx?.types).toEqual(["/cosmos.bank.v1beta1.MsgSend"]);
      expect((tx?.messages as { value: { toAddress: string } }[])[0]!.value.toAddress).toBe(sink.address);
      // Event attributes are searchable the way tx_search finds them.
      const [distinct] = await db.prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(DISTINCT ("height", "txIndex")) AS n FROM "ChainEventAttribute"
        WHERE "compositeKey" = 'message.sender' AND "value" = ${senders[0]!.address}`;
      expect(Number(distinct!.n)).toBe((await client.searchTx(`message.sender='${senders[0]!.address}'`)).length);
    } finally {
      client.disconnect();
    }
  });

  it("kill -9 during catch-up, then a restart, gives identical rows", async () => {
    const tip = await nodeHeight(node);
    const reference = await database();
    await indexUpTo(reference, tip);

    const db = await database();
    const first = await startIndexer(db.url, node.rpcUrl, { INDEXER_PREFETCH: "2" });
    // Polled closely, so the kill lands well before the tip even on a fast machine.
    await waitFor("a few blocks indexed", async () => (await cursorHeight(db.prisma)) >= 5n, 60_000, 5);
    await first.kill9();
    const killedAt = await cursorHeight(db.prisma);
    expect(killedAt).toBeLessThan(tip);
    await indexUpTo(db, tip);

    // Both indexers may go past `tip` as empty blocks keep coming; compare everything up to it.
    expect(await tableChecksums(db.prisma, tip)).toEqual(await tableChecksums(reference.prisma, tip));
  });

  it("follows a node restart with nothing lost and reports lag in Prometheus format", async () => {
    const db = await database();
    const indexer = await startIndexer(db.url, node.rpcUrl);
    try {
      const before = await nodeHeight(node);
      await waitFor("caught up", async () => (await cursorHeight(db.prisma)) >= before);
      await node.stop();
      await waitFor("the indexer notices", async () => (await fetch(indexer.metricsUrl).then((r) => r.text())).includes("precision_indexer_websocket_connected 0"));
      await node.start();
      const [hash] = await sendMany(node, CHAIN_ID, [senders[0]!], sink.address, 1);
      const row = await waitFor("the new tx indexed", () => db.prisma.chainTx.findUnique({ where: { hash: hash! } }).then((t) => t ?? undefined), 60_000);
      const top = await cursorHeight(db.prisma);
      expect(await db.prisma.chainBlock.count({ where: { height: { lte: top } } })).toBe(Number(top));
      expect(row.signers).toEqual([senders[0]!.address]);
      const metrics = await fetch(indexer.metricsUrl).then((r) => r.text());
      expect(metrics).toMatch(/^precision_indexer_indexed_height \d+$/m);
      expect(metrics).toMatch(/^precision_indexer_lag_blocks \d+$/m);
      expect(metrics).toMatch(/^# TYPE precision_indexer_blocks_total counter$/m);
      const health = await fetch(indexer.metricsUrl.replace("/metrics", "/healthz"));
      expect(await health.json()).toMatchObject({ websocket: expect.any(Boolean) });
      expect((await fetch(indexer.metricsUrl.replace("/metrics", "/nope"))).status).toBe(404);
    } finally {
      await indexer.stop();
    }
  });

  it("keeps retrying while the node is unreachable and reports it", async () => {
    const db = await database();
    const indexer = await startIndexer(db.url, "http://127.0.0.1:9");
    try {
      const metrics = await waitFor("errors counted", async () => {
        const text = await fetch(indexer.metricsUrl).then((r) => r.text());
        return /precision_indexer_errors_total [1-9]/.test(text) ? text : undefined;
      });
      expect(metrics).toContain("precision_indexer_indexed_height 0");
      expect(indexer.log.join("")).toMatch(/unreachable/);
    } finally {
      await indexer.stop();
    }
  });
});
