/**
 * Throughput of the application itself (no RPC, no consensus): signed MsgSend txs from many
 * accounts through CheckTx (signatures verified on a worker pool) and FinalizeBlock + Commit,
 * with and without the verification cache that CheckTx fills.
 *   npx tsx chain/bench/app-bench.ts [--accounts 2000] [--txs 20000] [--block 5000] [--threads 2]
 */
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sha256 } from "@noble/hashes/sha2.js";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { AuthInfo, SignDoc, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { buildGenesis, createPrecisionApp, type PrecisionApp } from "../app/index.js";
import { encodeAddress } from "../runtime/address/bech32-address.js";
import { pubKeyToAddressBytes } from "../runtime/address/derive.js";
import { encodeSecp256k1PubKey } from "../runtime/ante/sign-doc.js";
import { secp256k1Backend, verifySecp256k1Digest } from "../runtime/crypto/secp256k1-verify.js";
import { WorkerPoolSignatureVerifier, type VerifyRequest } from "../runtime/crypto/signature-verifier.js";
import { StateStore } from "../runtime/store/index.js";

const { values: args } = parseArgs({
  options: {
    accounts: { type: "string", default: "2000" },
    txs: { type: "string", default: "20000" },
    block: { type: "string", default: "5000" },
    threads: { type: "string", default: "2" },
  },
});
const ACCOUNTS = Number(args.accounts);
const TXS = Number(args.txs);
const BLOCK = Number(args.block);
const THREADS = Number(args.threads);
const CHAIN_ID = "precision-bench-1";

interface NativeSecp {
  publicKeyCreate(priv: Uint8Array, compressed: boolean): Uint8Array;
  ecdsaSign(msg: Uint8Array, priv: Uint8Array): { signature: Uint8Array };
}
// Signing only prepares the workload; the native signer keeps that part short.
const nativeSecp = createRequire(import.meta.url)("secp256k1") as NativeSecp;

interface Key {
  priv: Uint8Array;
  pub: Uint8Array;
  address: string;
}

const keys: Key[] = Array.from({ length: ACCOUNTS }, (_, i) => {
  const priv = sha256(new TextEncoder().encode(`bench key ${i}`));
  const pub = nativeSecp.publicKeyCreate(priv, true);
  return { priv, pub, address: encodeAddress(pubKeyToAddressBytes(pub)) };
});

function signedSend(from: number, to: number, sequence: bigint): Uint8Array {
  const k = keys[from]!;
  const bodyBytes = TxBody.encode(
    TxBody.fromPartial({
      messages: [{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: MsgSend.encode({ fromAddress: k.address, toAddress: keys[to]!.address, amount: [{ denom: "uusd", amount: "1" }] }).finish() }],
    }),
  ).finish();
  const authInfoBytes = AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [{ publicKey: encodeSecp256k1PubKey(k.pub), modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } }, sequence }],
      fee: { amount: [{ denom: "uusd", amount: "2000" }], gasLimit: 100_000n },
    }),
  ).finish();
  const digest = sha256(SignDoc.encode({ bodyBytes, authInfoBytes, chainId: CHAIN_ID, accountNumber: BigInt(from) }).finish());
  const { signature } = nativeSecp.ecdsaSign(digest, k.priv);
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
}

function rate(n: number, ms: number): string {
  return `${Math.round((n / ms) * 1000).toLocaleString("en-US")}/s`;
}

async function openApp(withPool: boolean): Promise<{ app: PrecisionApp; store: StateStore; dir: string; pool?: WorkerPoolSignatureVerifier }> {
  const dir = mkdtempSync(join(tmpdir(), "precision-app-bench-"));
  const store = await StateStore.open(dir);
  const pool = withPool ? new WorkerPoolSignatureVerifier({ threads: THREADS }) : undefined;
  const app = createPrecisionApp({ store, chainId: CHAIN_ID, minGasPrices: "0.01uusd", ...(pool ? { verifier: pool } : {}) });
  const genesis = buildGenesis({ chainId: CHAIN_ID, accounts: keys.map((k) => ({ address: k.address, coins: [{ denom: "uusd", amount: "1000000000" }] })) });
  await app.initChain({ time: { seconds: 1_700_000_000n, nanos: 0 }, chainId: CHAIN_ID, consensusParams: undefined, validators: [], appStateBytes: new TextEncoder().encode(JSON.stringify(genesis.app_state)), initialHeight: 1n });
  await finalizeAndCommit(app, [], 1);
  return { app, store, dir, pool };
}

async function finalizeAndCommit(app: PrecisionApp, txs: Uint8Array[], height: number): Promise<{ finalizeMs: number; commitMs: number; failed: number }> {
  const t0 = performance.now();
  const res = await app.finalizeBlock({ txs, decidedLastCommit: { round: 0, votes: [] }, misbehavior: [], hash: new Uint8Array(32), height: BigInt(height), time: { seconds: 1_700_000_000n + BigInt(height), nanos: 0 }, nextValidatorsHash: new Uint8Array(), proposerAddress: new Uint8Array(20) });
  const t1 = performance.now();
  await app.commit();
  const t2 = performance.now();
  return { finalizeMs: t1 - t0, commitMs: t2 - t1, failed: res.txResults.filter((r) => r.code !== 0).length };
}

async function main(): Promise<void> {
  console.log(`secp256k1 backend: ${secp256k1Backend}; accounts ${ACCOUNTS}, txs ${TXS}, block ${BLOCK}, worker threads ${THREADS}`);
  const tPrep = performance.now();
  const sequences = new Array<bigint>(ACCOUNTS).fill(0n);
  const txs: Uint8Array[] = [];
  for (let i = 0; i < TXS; i++) {
    const from = i % ACCOUNTS;
    txs.push(signedSend(from, (i * 7 + 1) % ACCOUNTS, sequences[from]!));
    sequences[from] = sequences[from]! + 1n;
  }
  console.log(`prepared ${TXS} signed txs in ${(performance.now() - tPrep).toFixed(0)} ms (${txs[0]!.length} bytes each)`);

  // Raw verification throughput.
  const reqs: VerifyRequest[] = Array.from({ length: 20_000 }, (_, i) => {
    const k = keys[i % ACCOUNTS]!;
    const digest = sha256(Uint8Array.of(i & 0xff, i >> 8));
    return { digest, pubkey: k.pub, signature: nativeSecp.ecdsaSign(digest, k.priv).signature };
  });
  let t = performance.now();
  for (const r of reqs) verifySecp256k1Digest(r.pubkey, r.digest, r.signature);
  console.log(`verify inline (main thread):        ${rate(reqs.length, performance.now() - t)}`);
  const pool = new WorkerPoolSignatureVerifier({ threads: THREADS });
  await pool.verifyBatch(reqs.slice(0, 100));
  t = performance.now();
  await Promise.all(reqs.map((r) => pool.verifyBatch([r])));
  console.log(`verify on ${THREADS} worker threads:          ${rate(reqs.length, performance.now() - t)}`);
  await pool.close();

  // Cold: FinalizeBlock verifies every signature itself (a block from another proposer).
  {
    const { app, store, dir } = await openApp(false);
    let finalizeMs = 0;
    let commitMs = 0;
    let failed = 0;
    for (let b = 0; b * BLOCK < TXS; b++) {
      const r = await finalizeAndCommit(app, txs.slice(b * BLOCK, (b + 1) * BLOCK), b + 2);
      finalizeMs += r.finalizeMs;
      commitMs += r.commitMs;
      failed += r.failed;
    }
    console.log(`FinalizeBlock, cold cache:          ${rate(TXS, finalizeMs)}  (+ commit ${(commitMs / Math.ceil(TXS / BLOCK)).toFixed(0)} ms/block; failed ${failed})`);
    console.log(`  finalize + commit, cold:          ${rate(TXS, finalizeMs + commitMs)}`);
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }

  // Warm: every tx went through CheckTx first (as on the node that received it).
  {
    const { app, store, dir, pool: verifier } = await openApp(true);
    let checkMs = 0;
    let finalizeMs = 0;
    let commitMs = 0;
    let failed = 0;
    let rejected = 0;
    const cpuAtStart = process.cpuUsage();
    let checkCpu = 0;
    for (let b = 0; b * BLOCK < TXS; b++) {
      const block = txs.slice(b * BLOCK, (b + 1) * BLOCK);
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const answers = await Promise.all(block.map((tx) => app.checkTx({ tx, type: 0 })));
      checkMs += performance.now() - t0;
      const checkCpuOfBlock = process.cpuUsage(cpu0);
      checkCpu += checkCpuOfBlock.user + checkCpuOfBlock.system;
      rejected += answers.filter((a) => a.code !== 0).length;
      const r = await finalizeAndCommit(app, block, b + 2);
      finalizeMs += r.finalizeMs;
      commitMs += r.commitMs;
      failed += r.failed;
    }
    console.log(`CheckTx (concurrent, worker pool):  ${rate(TXS, checkMs)}  (rejected ${rejected})`);
    console.log(`FinalizeBlock, warm cache:          ${rate(TXS, finalizeMs)}  (+ commit ${(commitMs / Math.ceil(TXS / BLOCK)).toFixed(0)} ms/block; failed ${failed})`);
    const cpu = process.cpuUsage(cpuAtStart);
    console.log(`  CheckTx + finalize + commit:      ${rate(TXS, checkMs + finalizeMs + commitMs)}`);
    // All threads: main, verification workers, V8's GC helpers and LevelDB's.
    const total = cpu.user + cpu.system;
    console.log(
      `  CPU per tx, all threads:          ${Math.round(total / TXS)} µs (CheckTx ${Math.round(checkCpu / TXS)}, verification included; FinalizeBlock + Commit ${Math.round((total - checkCpu) / TXS)})`,
    );
    await app.close();
    await verifier?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
