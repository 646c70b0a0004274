/**
 * Micro-benchmark of the state store: blocks of `txs` transfers (3 key writes each: sender and
 * recipient balance, sender sequence) over a state of `accounts` accounts (3 keys each).
 *   npx tsx chain/bench/store-bench.ts [--accounts 100000] [--txs 10000] [--blocks 30]
 * Prints update throughput, commit latency percentiles and two baselines measured in the same
 * run: raw SHA-256 of 65-byte inputs, and a plain synced LevelDB batch of the same rows; and the
 * read path of tx execution (through branches) against reads straight from the working state.
 */
import { hash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ClassicLevel } from "classic-level";
import { StateStore } from "../runtime/store/index.js";

const { values: args } = parseArgs({
  options: {
    accounts: { type: "string", default: "100000" },
    txs: { type: "string", default: "10000" },
    blocks: { type: "string", default: "30" },
  },
});
const ACCOUNTS = Number(args.accounts);
const TXS = Number(args.txs);
const BLOCKS = Number(args.blocks);
const WARMUP = 3;

const key = (kind: string, i: number): Uint8Array =>
  Buffer.from(`${kind}/${i.toString().padStart(8, "0")}`);
const value = (): Uint8Array => randomBytes(48);
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const rate = (n: number, millis: number): string =>
  `${Math.round((n / millis) * 1000).toLocaleString("en-US")}/s`;

function blockWrites(): [Uint8Array, Uint8Array][] {
  const rows: [Uint8Array, Uint8Array][] = [];
  for (let t = 0; t < TXS; t++) {
    const from = Math.floor(Math.random() * ACCOUNTS);
    const to = Math.floor(Math.random() * ACCOUNTS);
    rows.push([key("bal", from), value()], [key("bal", to), value()], [key("seq", from), value()]);
  }
  return rows;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "precision-store-bench-"));
  try {
    console.log(
      `state store bench: ${ACCOUNTS.toLocaleString("en-US")} accounts (3 keys each), ` +
        `${TXS.toLocaleString("en-US")} tx/block (${(3 * TXS).toLocaleString("en-US")} writes), ${BLOCKS} blocks, node ${process.version}`,
    );

    // Baseline 1: SHA-256 of 65-byte inputs, the size of every tree node hash.
    const input = Buffer.alloc(65, 7);
    const n = 300_000;
    let t = performance.now();
    for (let i = 0; i < n; i++) hash("sha256", input, "buffer");
    const shaMs = performance.now() - t;
    console.log(`baseline sha256(65 B): ${rate(n, shaMs)}`);

    let store = await StateStore.open(join(dir, "state"));
    t = performance.now();
    for (let i = 0; i < ACCOUNTS; i++) {
      store.set(key("acct", i), value());
      store.set(key("bal", i), value());
      store.set(key("seq", i), value());
    }
    await store.commit(1);
    console.log(
      `genesis: ${(3 * ACCOUNTS).toLocaleString("en-US")} keys committed in ${ms(performance.now() - t)}`,
    );
    await store.close();
    t = performance.now();
    store = await StateStore.open(join(dir, "state"));
    console.log(`reopen (load + rebuild + root check): ${ms(performance.now() - t)}`);

    // Reads as tx execution makes them: 8 per tx through a block branch and the tx's own branch,
    // against the same reads straight from the working state (the baseline).
    const ROUNDS = 20;
    const READS_PER_ROUND = 40_000;
    const directRounds: number[] = [];
    const branchedRounds: number[] = [];
    for (let r = 0; r < ROUNDS + WARMUP; r++) {
      const readKeys = Array.from({ length: READS_PER_ROUND }, () => key("bal", Math.floor(Math.random() * ACCOUNTS)));
      const r0 = performance.now();
      for (const k of readKeys) store.get(k);
      const r1 = performance.now();
      const blockBranch = store.branch();
      for (let i = 0; i < READS_PER_ROUND; i += 8) {
        const txBranch = blockBranch.branch();
        for (let j = i; j < i + 8; j++) txBranch.get(readKeys[j]!);
      }
      const r2 = performance.now();
      if (r < WARMUP) continue;
      directRounds.push(r1 - r0);
      branchedRounds.push(r2 - r1);
    }
    const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
    console.log(
      `reads through block + tx branches: ${rate(ROUNDS * READS_PER_ROUND, sum(branchedRounds))}, ` +
        `per ${READS_PER_ROUND.toLocaleString("en-US")} reads p50 ${ms(pct(branchedRounds, 50))}  p95 ${ms(pct(branchedRounds, 95))}  p99 ${ms(pct(branchedRounds, 99))}`,
    );
    console.log(
      `reads straight from the working state (baseline): ${rate(ROUNDS * READS_PER_ROUND, sum(directRounds))}; ` +
        `branched / direct: ${(sum(branchedRounds) / sum(directRounds)).toFixed(2)}x`,
    );

    // Baseline 2: the same rows as one plain synced LevelDB batch, no tree.
    const plain = new ClassicLevel<Uint8Array, Uint8Array>(join(dir, "plain"), {
      keyEncoding: "view",
      valueEncoding: "view",
      writeBufferSize: 64 * 1024 * 1024,
    });
    const plainMs: number[] = [];
    const writeMs: number[] = [];
    const hashMs: number[] = [];
    const syncMs: number[] = [];
    const commitMs: number[] = [];
    const blockMs: number[] = [];
    for (let b = 0; b < BLOCKS + WARMUP; b++) {
      const rows = blockWrites();
      const t0 = performance.now();
      for (const [k, v] of rows) store.set(k, v);
      const t1 = performance.now();
      store.workingHash();
      const t2 = performance.now();
      const pending = store.commit(b + 2, [
        { type: "put", key: key("block", b), value: randomBytes(200) },
      ]);
      const t2b = performance.now();
      await pending;
      const t3 = performance.now();
      const plainBatch = plain.batch();
      for (const [k, v] of rows) plainBatch.put(k, v);
      await plainBatch.write({ sync: true });
      const t4 = performance.now();
      if (b < WARMUP) continue;
      writeMs.push(t1 - t0);
      hashMs.push(t2 - t1);
      syncMs.push(t2b - t1);
      commitMs.push(t3 - t1);
      blockMs.push(t3 - t0);
      plainMs.push(t4 - t3);
    }
    await plain.close();
    const total = blockMs.reduce((a, x) => a + x, 0);
    const writes = 3 * TXS * BLOCKS;
    console.log(`updates (set + root + commit): ${rate(writes, total)}`);
    for (const [name, xs] of [
      ["working-state sets", writeMs],
      ["root (workingHash)", hashMs],
      ["commit, main-thread part", syncMs],
      ["commit (root + LevelDB)", commitMs],
      ["plain LevelDB batch (baseline)", plainMs],
    ] as const) {
      console.log(
        `${name.padEnd(32)} p50 ${ms(pct(xs, 50))}  p95 ${ms(pct(xs, 95))}  p99 ${ms(pct(xs, 99))}`,
      );
    }
    console.log(
      `commit p50 / plain batch p50: ${(pct(commitMs, 50) / pct(plainMs, 50)).toFixed(2)}x`,
    );
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
