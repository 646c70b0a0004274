// npm run bench:records — the record write path (validate → encrypt → vault → anchor) in records/s,
// and the clinician timeline's server time at p50/p95/p99 with 100,000 records indexed; each with a
// baseline measured in the same run.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { calculateFee, GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { createRegistry, encryptRecord, generateMnemonic, recordsMessageComposer, signVaultRequest, vaultLocator, walletFromMnemonic, wrapKey } from "@precision/client";
import { createPrismaClient } from "@precision/db";
import { migrate } from "@precision/db/migrate";
import { RecordClass } from "@precision/proto";
import { createThrowawayDatabase, dropDatabase, ensurePostgresServer } from "../../../scripts/lib/postgres.mjs";
import { createTestNode, freePort, waitFor } from "../../../tooling/testing/precisiond.mjs";
import { loadMedplum } from "../src/lib/medplum.ts";
import { queryVisibleRecords } from "../src/server/queries/visible-records.ts";

const RECORDS = 100_000;
const PATIENTS = 1_000;
const TIMELINE_SAMPLES = 400;
const WRITERS = 8;
const WRITES_PER_WRITER = 25;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;
function summary(label: string, samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return `${label}: p50 ${ms(percentile(s, 50))}, p95 ${ms(percentile(s, 95))}, p99 ${ms(percentile(s, 99))} over ${s.length}`;
}

async function timeline(databaseUrl: string) {
  const prisma = createPrismaClient(databaseUrl);
  const reader = "prec1benchclinician0000000000000000000000000";
  try {
    console.log(`indexing ${RECORDS.toLocaleString("en")} records of ${PATIENTS} patients…`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "ChainRecord" ("id","patient","author","authorOrganizationId","resourceType","recordClass","ciphertextSha256","ciphertextSize","vaultLocator","height","time")
      SELECT 'rec-' || g, 'prec1patient' || (g % ${PATIENTS}), 'prec1author', (ARRAY['practice','lab','pharmacy','hospital'])[1 + g % 4],
             'Observation', (ARRAY['VITALS','LABS','MEDICATIONS','NOTES','CONDITIONS'])[1 + (g / 7) % 5], md5(g::text), 1000, 'vault:sha256:' || md5(g::text), g, now() - (g % 1000) * interval '1 day'
        FROM generate_series(1, ${RECORDS}) g`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "ChainGrant" ("id","patient","granteeOrganizationId","kind","purpose","scopeAll","scopeClasses","scopeRecordIds","start","end","reason","createdBy","revoked","createdHeight","createdTime","updatedHeight")
      SELECT g, 'prec1patient' || g, 'heartcare', 'CONSENT', 'TREAT', false, ARRAY['VITALS','LABS'], ARRAY[]::text[], now() - interval '1 day', now() + interval '1 day', '', 'prec1patient' || g, g % 10 = 0, 1, now(), 1
        FROM generate_series(0, ${PATIENTS - 1}) g`);
    await prisma.$executeRawUnsafe(`ANALYZE "ChainRecord"; `);
    await prisma.$executeRawUnsafe(`ANALYZE "ChainGrant"`);
    const patients = Array.from({ length: TIMELINE_SAMPLES }, (_, i) => `prec1patient${(i * 7919) % PATIENTS}`);
    for (const p of patients.slice(0, 50)) await queryVisibleRecords(prisma, reader, ["heartcare"], p, { limit: 500 });
    const timed: number[] = [];
    let rows = 0;
    for (const p of patients) {
      const t = performance.now();
      rows += (await queryVisibleRecords(prisma, reader, ["heartcare"], p, { limit: 500 })).length;
      timed.push(performance.now() - t);
    }
    const base: number[] = [];
    for (const p of patients) {
      const t = performance.now();
      await prisma.$queryRaw`SELECT "id","patient","resourceType","recordClass","authorOrganizationId","time","height" FROM "ChainRecord" WHERE "patient" = ${p} ORDER BY "time" DESC LIMIT 500`;
      base.push(performance.now() - t);
    }
    const p95 = percentile([...timed].sort((a, b) => a - b), 95);
    console.log(summary("clinician timeline (grant-filtered, 100k records indexed)", timed) + ` — ${(rows / patients.length).toFixed(0)} visible records per timeline`);
    console.log(summary("baseline: the patient's records without access filtering", base));
    console.log(`ratio timeline/baseline at p95: ${(p95 / percentile([...base].sort((a, b) => a - b), 95)).toFixed(2)}× — goal p95 ≤ 150 ms: ${p95 <= 150 ? "met" : "NOT met"}`);
  } finally {
    await prisma.$disconnect();
  }
}

async function writePath() {
  const core = await loadMedplum();
  const writers = await Promise.all(Array.from({ length: WRITERS }, async () => {
    const priv = secp256k1.utils.randomSecretKey();
    const wallet = await DirectSecp256k1Wallet.fromKey(priv, "prec");
    return { priv, pub: secp256k1.getPublicKey(priv, true), wallet, address: (await wallet.getAccounts())[0]!.address };
  }));
  const operatorMnemonic = generateMnemonic(24);
  const [operator] = await (await walletFromMnemonic(operatorMnemonic)).getAccounts();
  const node = await createTestNode([...writers, operator!].map((w) => ({ address: w.address, coins: "1000000000uusd" })), { blockTime: "1s", genesis: (g) => (g.app_state.access.params.vaultOperators = [operator!.address]) });
  await node.start();
  const port = await freePort();
  const vaultUrl = `http://127.0.0.1:${port}`;
  const vaultDir = mkdtempSync(path.join(tmpdir(), "bench-vault-"));
  const vault = spawn(process.execPath, [path.resolve(import.meta.dirname, "../../vault/dist/src/main.js")], { env: { CHAIN_RPC_URL: node.rpcUrl, VAULT_PORT: String(port), VAULT_DATA_DIR: vaultDir, VAULT_OPERATOR_MNEMONIC: operatorMnemonic }, stdio: "ignore" });
  try {
    await waitFor("the vault", async () => (await fetch(`${vaultUrl}/health`)).ok, 30_000);
    const resource = (patient: string, i: number) => ({ resourceType: "Observation", status: "final", category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }], code: { coding: [{ system: "http://loinc.org", code: "8867-4", display: "Heart rate" }] }, subject: { reference: `Patient/${patient}` }, effectiveDateTime: new Date().toISOString(), valueQuantity: { value: 60 + (i % 40), unit: "/min", system: "http://unitsofmeasure.org", code: "/min" } });
    const prepare = async (w: (typeof writers)[number], id: string, i: number) => {
      const r = resource(w.address, i);
      if (core.validateResource(r as never).some((x) => x.severity === "error")) throw new Error("invalid");
      const sealed = await encryptRecord(new TextEncoder().encode(JSON.stringify({ ...r, id })), { recordId: id });
      return { sealed, key: await wrapKey(sealed.dataKey, w.pub) };
    };
    // Baseline: the CPU part alone (validate, encrypt, wrap), no network.
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) await prepare(writers[0]!, `cpu-${i}`, i);
    const cpuRate = 200 / ((performance.now() - t0) / 1000);

    const fee = calculateFee(300_000, GasPrice.fromString("0.025uusd"));
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      writers.map(async (w, k) => {
        const client = await SigningStargateClient.connectWithSigner(node.rpcUrl, w.wallet, { registry: createRegistry(), broadcastPollIntervalMs: 100 });
        try {
          for (let i = 0; i < WRITES_PER_WRITER; i++) {
            const t = performance.now();
            const id = `w${k}-${i}`;
            const { sealed, key } = await prepare(w, id, i);
            const urlPath = `/v1/objects/${sealed.contentHash}`;
            const put = await fetch(`${vaultUrl}${urlPath}`, { method: "PUT", body: Buffer.from(sealed.envelope), headers: { authorization: signVaultRequest({ method: "PUT", path: urlPath, bodySha256: sealed.contentHash }, w.priv) } });
            if (put.status !== 201) throw new Error(`vault ${put.status}`);
            const hash = Uint8Array.from(createHash("sha256").update(sealed.envelope).digest());
            const res = await client.signAndBroadcast(w.address, [recordsMessageComposer.anchorRecord({ author: w.address, id, patient: w.address, resourceType: "Observation", recordClass: RecordClass.RECORD_CLASS_VITALS, ciphertextSha256: hash, ciphertextSize: BigInt(sealed.envelope.length), vaultLocator: vaultLocator(hash), keys: [{ recipient: w.address, wrappedKey: key }] })], fee);
            if (res.code !== 0) throw new Error(res.rawLog);
            latencies.push(performance.now() - t);
          }
        } finally {
          client.disconnect();
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const rate = latencies.length / seconds;
    console.log(`write path (validate → encrypt → vault → anchor), ${WRITERS} concurrent authors, 1 s blocks: ${latencies.length} records in ${seconds.toFixed(1)} s → ${rate.toFixed(1)} records/s`);
    console.log(summary("  per-record latency, submit to committed", latencies));
    console.log(`baseline: validate + encrypt + wrap alone (one core, no network): ${cpuRate.toFixed(0)} records/s; ratio ${((rate / cpuRate) * 100).toFixed(1)} %`);
  } finally {
    vault.kill("SIGTERM");
    await new Promise((r) => (vault.exitCode === null ? vault.once("exit", r) : r(undefined)));
    rmSync(vaultDir, { recursive: true, force: true });
    await node.remove();
  }
}

async function main() {
  const admin = await ensurePostgresServer();
  const databaseUrl = await createThrowawayDatabase(admin, "precision_records_bench");
  try {
    await migrate(databaseUrl);
    await timeline(databaseUrl);
    await writePath();
  } finally {
    await dropDatabase(databaseUrl);
  }
}

await main();
