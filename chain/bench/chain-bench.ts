// npm run bench:chain — sustained committed signed tx/s of the real node, submit→commit latency,
// and this machine's one-core libsecp256k1 verify rate measured in the same run.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { ripemd160 } from "@noble/hashes/legacy.js";
import { bech32 } from "@scure/base";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { AuthInfo, SignDoc, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import secp256k1 from "secp256k1";
import WebSocket from "ws";
import { createTestNode } from "../test/support/node-process.js";

/** A count from the environment (this script's only configuration), or its default; anything else stops the run. */
function countSetting(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`${name} must be a whole number of at least ${min}, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

const ACCOUNTS = countSetting("BENCH_ACCOUNTS", 400, 1);
const TXS_PER_ACCOUNT = countSetting("BENCH_TXS_PER_ACCOUNT", 100, 1);
// Sent and committed before measuring, so that the figures are the node's steady state rather
// than its first seconds (compiling its hot paths, sizing its heap).
const WARMUP_TXS_PER_ACCOUNT = countSetting("BENCH_WARMUP_TXS_PER_ACCOUNT", 10, 0);
const BATCH = 200;
// Independent clients, each owning a slice of the accounts so that every account's txs still
// arrive in sequence order. Each waits for its batch's answers before sending the next, so with
// too few of them the node idles between batches (with 4 its main thread was idle ~30 % of the
// run); 8 keep it busy, and more only add latency.
const CLIENTS = countSetting("BENCH_CLIENTS", 8, 1);
const CHAIN_ID = "precision-local-1";
const sha256 = (b: Uint8Array) => new Uint8Array(createHash("sha256").update(b).digest());

interface Account {
  priv: Uint8Array;
  pub: Uint8Array;
  address: string;
}

function newAccount(): Account {
  let priv: Uint8Array;
  do priv = new Uint8Array(randomBytes(32));
  while (!secp256k1.privateKeyVerify(priv));
  const pub = secp256k1.publicKeyCreate(priv, true);
  return { priv, pub, address: bech32.encode("prec", bech32.toWords(ripemd160(sha256(pub)))) };
}

function signSend(from: Account, to: string, accountNumber: bigint, sequence: bigint): Uint8Array {
  const body = TxBody.encode(
    TxBody.fromPartial({
      messages: [
        {
          typeUrl: "/cosmos.bank.v1beta1.MsgSend",
          value: MsgSend.encode({
            fromAddress: from.address,
            toAddress: to,
            amount: [{ denom: "uusd", amount: "1" }],
          }).finish(),
        },
      ],
    }),
  ).finish();
  const authInfo = AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [
        {
          publicKey: {
            typeUrl: "/cosmos.crypto.secp256k1.PubKey",
            value: PubKey.encode({ key: from.pub }).finish(),
          },
          modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } },
          sequence,
        },
      ],
      fee: { amount: [{ denom: "uusd", amount: "2500" }], gasLimit: 100_000n },
    }),
  ).finish();
  const doc = SignDoc.encode({
    bodyBytes: body,
    authInfoBytes: authInfo,
    chainId: CHAIN_ID,
    accountNumber,
  }).finish();
  const { signature } = secp256k1.ecdsaSign(sha256(doc), from.priv);
  return TxRaw.encode({
    bodyBytes: body,
    authInfoBytes: authInfo,
    signatures: [signature],
  }).finish();
}

function verifyRate(): number {
  const n = 5000;
  const items = Array.from({ length: 256 }, () => {
    const a = newAccount();
    const msg = sha256(randomBytes(64));
    return { msg, sig: secp256k1.ecdsaSign(msg, a.priv).signature, pub: a.pub };
  });
  for (let i = 0; i < 500; i++)
    secp256k1.ecdsaVerify(items[i % 256]!.sig, items[i % 256]!.msg, items[i % 256]!.pub);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const it = items[i % 256]!;
    if (!secp256k1.ecdsaVerify(it.sig, it.msg, it.pub)) throw new Error("verify failed");
  }
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

/**
 * CPU time of the node process (all threads) and of its main thread, in seconds, from Linux's
 * /proc; undefined elsewhere. Unlike tx/s it does not move with other load on the machine.
 */
function cpuSeconds(pid: number | undefined): { process: number; main: number } | undefined {
  if (pid === undefined) return undefined;
  const ticks = (stat: string) => {
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, USER_HZ = 100
  };
  try {
    return {
      process: ticks(readFileSync(`/proc/${pid}/stat`, "utf8")),
      main: ticks(readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8")),
    };
  } catch {
    return undefined;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function rpc(url: string, body: string): Promise<unknown> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  return res.json();
}

async function main() {
  const rate = verifyRate();
  console.log(`secp256k1 verify (libsecp256k1, one core): ${Math.round(rate)} /s`);

  const accounts = Array.from({ length: ACCOUNTS }, newAccount);
  const sink = newAccount().address;
  const node = await createTestNode(
    accounts.map((a) => ({ address: a.address, coins: "1000000000uusd" })),
    "1s",
  );
  try {
    await node.start();
    // Genesis accounts are numbered in the order they were added. Txs are named by their base64
    // form, which is also how /block lists them: the load generator shares the node's two cores,
    // so it neither hashes nor re-encodes a tx while measuring.
    const signRange = (from: number, to: number): string[] => {
      const out: string[] = [];
      for (let n = from; n < to; n++)
        accounts.forEach((a, i) => out.push(Buffer.from(signSend(a, sink, BigInt(i), BigInt(n))).toString("base64")));
      return out;
    };
    const warmup = signRange(0, WARMUP_TXS_PER_ACCOUNT);
    const encoded = signRange(WARMUP_TXS_PER_ACCOUNT, WARMUP_TXS_PER_ACCOUNT + TXS_PER_ACCOUNT);
    const submitted = new Map<string, number>();
    const committed = new Map<string, number>();

    const ws = new WebSocket(`${node.wsUrl}/websocket`);
    await new Promise((r) => ws.once("open", r));
    ws.send(
      JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "subscribe",
        params: { query: "tm.event='NewBlockHeader'" },
      }),
    );
    // A tx's commit time is when its block's header event arrives; the block's txs are fetched
    // after. (A NewBlock subscription would also carry every tx's events, which costs the node
    // and this client more than the txs themselves.)
    ws.on("message", (data) => {
      const now = performance.now();
      const msg = JSON.parse(String(data)) as {
        result?: { data?: { value?: { header?: { height?: string } } } };
      };
      const height = msg.result?.data?.value?.header?.height;
      if (height === undefined) return;
      void fetch(`${node.rpcUrl}/block?height=${height}`)
        .then((res) => res.json())
        .then((body) => {
          const { result } = body as { result?: { block?: { data?: { txs?: string[] | null } } } };
          for (const tx of result?.block?.data?.txs ?? []) committed.set(tx, now);
        });
    });

    // Each client's batches are encoded as JSON-RPC bodies before the clock starts, like the
    // signatures: the load generator shares the node's two cores.
    const clientStreams = (txs: string[]) =>
      Array.from({ length: CLIENTS }, (_, c) => {
        const stream = txs.filter((_, k) => (k % ACCOUNTS) % CLIENTS === c);
        const batches: { txs: string[]; body: string }[] = [];
        for (let i = 0; i < stream.length; i += BATCH) {
          const slice = stream.slice(i, i + BATCH);
          const requests = slice.map((tx, j) => ({ jsonrpc: "2.0", id: i + j, method: "broadcast_tx_sync", params: { tx } }));
          batches.push({ txs: slice, body: JSON.stringify(requests) });
        }
        return batches;
      });
    /** Submits every stream's batches in order, and waits until the accepted txs are committed. */
    const run = async (streams: { txs: string[]; body: string }[][], total: number) => {
      let rejected = 0;
      await Promise.all(
        streams.map(async (batches) => {
          for (const batch of batches) {
            const now = performance.now();
            for (const tx of batch.txs) submitted.set(tx, now);
            const answers = (await rpc(node.rpcUrl, batch.body)) as { result?: { code?: number } }[];
            rejected += answers.filter((a) => !a.result || (a.result.code ?? 0) !== 0).length;
          }
        }),
      );
      const submittedAt = performance.now();
      const deadline = submittedAt + 120_000;
      while (committed.size < total - rejected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return { rejected, submittedAt };
    };

    if (warmup.length > 0) {
      console.log(`warming up with ${warmup.length} sends…`);
      const { rejected } = await run(clientStreams(warmup), warmup.length);
      if (rejected > 0) throw new Error(`${rejected} warm-up txs were rejected`);
      submitted.clear();
      committed.clear();
    }
    const streams = clientStreams(encoded);
    console.log(
      `submitting ${encoded.length} pre-signed sends from ${ACCOUNTS} accounts: ${CLIENTS} concurrent clients, JSON-RPC batches of ${BATCH}…`,
    );
    const started = performance.now();
    const cpuAtStart = cpuSeconds(node.pid);
    const clientCpuAtStart = process.cpuUsage();
    const { rejected, submittedAt } = await run(streams, encoded.length);
    const submitSeconds = (submittedAt - started) / 1000;
    const cpuAtEnd = cpuSeconds(node.pid);
    const clientCpu = process.cpuUsage(clientCpuAtStart);
    ws.close();

    const latencies = [...committed]
      .filter(([h]) => submitted.has(h))
      .map(([h, t]) => t - submitted.get(h)!)
      .sort((a, b) => a - b);
    const lastCommit = Math.max(...committed.values());
    const tps = committed.size / ((lastCommit - started) / 1000);
    console.log(
      `accepted by CheckTx: ${encoded.length - rejected}/${encoded.length} (submit phase ${submitSeconds.toFixed(1)} s, ${Math.round(encoded.length / submitSeconds)} tx/s offered)`,
    );
    console.log(`committed: ${committed.size} txs`);
    console.log(`sustained committed throughput: ${Math.round(tps)} tx/s`);
    console.log(
      `submit→commit latency: p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(percentile(latencies, 95))} ms, p99 ${Math.round(percentile(latencies, 99))} ms`,
    );
    console.log(`ratio to the one-core verify rate: ${((tps / rate) * 100).toFixed(1)} %`);
    if (cpuAtStart && cpuAtEnd) {
      const perTx = (seconds: number) => Math.round((seconds * 1e6) / committed.size);
      console.log(
        `node CPU per committed tx: ${perTx(cpuAtEnd.process - cpuAtStart.process)} µs in all threads, ${perTx(cpuAtEnd.main - cpuAtStart.main)} µs on the main thread`,
      );
      console.log(`this load generator's CPU per committed tx: ${perTx((clientCpu.user + clientCpu.system) / 1e6)} µs`);
    }
  } finally {
    await node.remove();
  }
}

await main();
