// The records, access and alerts projections against a real node: every row the indexer writes
// equals what the chain answers for the same id.
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { calculateFee, GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { accessMessageComposer, alertsMessageComposer, connectPrecisionClient, createRegistry, recordsMessageComposer, signDeviceAlert, vaultLocator } from "@precision/client";
import { Purpose, RecordClass } from "@precision/proto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestNode as createNode, type TestNode } from "../../../tooling/testing/precisiond.mjs";
import { cursorHeight, startIndexer, testDatabase, waitFor, type TestDatabase } from "./support.js";

const fee = calculateFee(500_000, GasPrice.fromString("0.025uusd"));
const wrapped = Uint8Array.from({ length: 94 }, (_, i) => (i === 0 ? 1 : i));
const devicePriv = secp256k1.utils.randomSecretKey();

let node: TestNode;
let db: TestDatabase;

async function signer() {
  const priv = secp256k1.utils.randomSecretKey();
  const wallet = await DirectSecp256k1Wallet.fromKey(priv, "prec");
  return { wallet, address: (await wallet.getAccounts())[0]!.address };
}

beforeAll(async () => {
  db = await testDatabase();
}, 60_000);

afterAll(async () => {
  await node?.remove();
  await db?.drop();
});

it("projects records, grants, rules, the access log and alerts exactly as the chain holds them", async () => {
  const [patient, vault, relay] = await Promise.all([signer(), signer(), signer()]);
  node = await createNode(
    [patient, vault, relay].map((p) => ({ address: p.address, coins: "1000000000uusd" })),
    {
      genesis: (g) => {
        g.app_state.access.params.vaultOperators = [vault.address];
        g.app_state.identity.organizations = [{ id: "heartcare", name: "HeartCare", type: "ORGANIZATION_TYPE_PROVIDER", active: true }];
        g.app_state.identity.devices = [{ id: "wear-1", kind: "DEVICE_KIND_WEARABLE", publicKey: Buffer.from(secp256k1.getPublicKey(devicePriv, true)).toString("base64"), patientAddress: patient.address, active: true }];
      },
    },
  );
  await node.start();
  const connect = (w: DirectSecp256k1Wallet) => SigningStargateClient.connectWithSigner(node.rpcUrl, w, { registry: createRegistry(), broadcastPollIntervalMs: 100 });
  const [pc, vc, rc] = await Promise.all([connect(patient.wallet), connect(vault.wallet), connect(relay.wallet)]);
  const ok = async (p: Promise<{ code: number; rawLog?: string }>) => expect((await p).code).toBe(0);
  const anchor = (id: string, recordClass: RecordClass, supersedes = "") => {
    const hash = new Uint8Array(32).fill(id.length);
    return recordsMessageComposer.anchorRecord({ author: patient.address, id, patient: patient.address, resourceType: "Observation", recordClass, ciphertextSha256: hash, ciphertextSize: 100n, vaultLocator: vaultLocator(hash), supersedes, keys: [{ recipient: patient.address, wrappedKey: wrapped }] });
  };
  await ok(pc.signAndBroadcast(patient.address, [anchor("bp-1", RecordClass.RECORD_CLASS_VITALS), anchor("lab-22", RecordClass.RECORD_CLASS_LABS)], fee));
  await ok(pc.signAndBroadcast(patient.address, [anchor("bp-1b", RecordClass.RECORD_CLASS_VITALS, "bp-1")], fee));
  const end = { seconds: BigInt(Math.floor(Date.now() / 1000) + 3600), nanos: 0 };
  await ok(pc.signAndBroadcast(patient.address, [accessMessageComposer.grantAccess({ patient: patient.address, granteeOrganizationId: "heartcare", purpose: Purpose.PURPOSE_TREAT, scope: { classes: [RecordClass.RECORD_CLASS_VITALS] }, end })], fee));
  await ok(pc.signAndBroadcast(patient.address, [accessMessageComposer.setEmergencyRule({ patient: patient.address, triggerCode: "ecg.afib", granteeOrganizationId: "heartcare", lookBackSeconds: 3600n, durationSeconds: 600n })], fee));
  await ok(vc.signAndBroadcast(vault.address, [accessMessageComposer.logAccess({ vault: vault.address, reader: patient.address, recordId: "bp-1b" })], fee));
  const alert = { chainId: "precision-local-1", deviceId: "wear-1", sequence: 1n, code: "ecg.afib", observedAt: BigInt(Math.floor(Date.now() / 1000)) };
  await ok(rc.signAndBroadcast(relay.address, [alertsMessageComposer.submitAlert({ submitter: relay.address, ...alert, signature: signDeviceAlert(alert, devicePriv) })], fee));
  const last = await pc.signAndBroadcast(patient.address, [accessMessageComposer.revokeAccess({ patient: patient.address, grantId: 1n })], fee);
  expect(last.code).toBe(0);

  const indexer = await startIndexer(db.url, node.rpcUrl);
  try {
    await waitFor("the revocation indexed", async () => (await cursorHeight(db.prisma)) >= BigInt(last.height), 60_000);
  } finally {
    await indexer.stop();
  }
  const q = await connectPrecisionClient(node.rpcUrl);
  try {
    const records = await db.prisma.chainRecord.findMany({ orderBy: { id: "asc" } });
    expect(records.map((r) => [r.id, r.recordClass, r.supersedes, r.supersededBy])).toEqual([
      ["bp-1", "VITALS", null, "bp-1b"],
      ["bp-1b", "VITALS", "bp-1", null],
      ["lab-22", "LABS", null, null],
    ]);
    for (const r of records) {
      const onChain = await q.query.records.record(r.id);
      expect([r.patient, r.ciphertextSha256, r.height, r.time.getTime()]).toEqual([onChain.patient, Buffer.from(onChain.ciphertextSha256).toString("hex"), onChain.height, Number(onChain.time!.seconds) * 1000 + Math.floor(onChain.time!.nanos / 1e6)]);
    }
    const grants = await db.prisma.chainGrant.findMany({ orderBy: { id: "asc" } });
    expect(grants.map((g) => [g.id, g.kind, g.purpose, g.granteeOrganizationId, g.revoked, g.scopeClasses, g.alertId])).toEqual([
      [1n, "CONSENT", "TREAT", "heartcare", true, ["VITALS"], null],
      [2n, "EMERGENCY", "ETREAT", "heartcare", false, [], "wear-1-1"],
    ]);
    expect(grants[0]!.revokedHeight).toBe((await q.query.access.grant(1)).revokedHeight);
    expect(await db.prisma.chainEmergencyRule.findMany()).toMatchObject([{ id: 1n, triggerCode: "ecg.afib", active: true, classes: [] }]);
    expect(await db.prisma.chainAccessLogEntry.findMany()).toMatchObject([{ id: 1n, reader: patient.address, recordId: "bp-1b", purpose: "PATRQT", vault: vault.address }]);
    expect(await db.prisma.chainAlert.findMany()).toMatchObject([{ id: "wear-1-1", patient: patient.address, code: "ecg.afib", grantIds: [2n] }]);
  } finally {
    q.disconnect();
    for (const c of [pc, vc, rc]) c.disconnect();
  }
}, 120_000);
