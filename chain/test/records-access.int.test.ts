// Records, access and alerts end to end: unmodified CosmJS 0.39 with @precision/client's registry,
// real record encryption, against the real precisiond process.
import { readFileSync, writeFileSync } from "node:fs";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { calculateFee, GasPrice, SigningStargateClient, type DeliverTxResponse } from "@cosmjs/stargate";
import {
  accessMessageComposer,
  alertsMessageComposer,
  connectPrecisionClient,
  contentHash,
  createRegistry,
  decryptRecord,
  encryptRecord,
  identityMessageComposer,
  organizationRecipient,
  recordsMessageComposer,
  signDeviceAlert,
  unwrapKey,
  vaultLocator,
  wrapKey,
  type PrecisionConnection,
} from "@precision/client";
import { DeviceKind, OrganizationType, Purpose, RecordClass, Role } from "@precision/proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestNode, type TestNode } from "./support/node-process.js";

const CHAIN_ID = "precision-local-1";
const options = { gasPrice: GasPrice.fromString("0.025uusd"), broadcastPollIntervalMs: 100, registry: createRegistry() };

interface Party {
  readonly priv: Uint8Array;
  readonly pub: Uint8Array;
  readonly address: string;
  readonly wallet: DirectSecp256k1Wallet;
  client?: SigningStargateClient;
}

async function party(): Promise<Party> {
  const priv = secp256k1.utils.randomSecretKey();
  const wallet = await DirectSecp256k1Wallet.fromKey(priv, "prec");
  const { address } = (await wallet.getAccounts())[0]!;
  return { priv, pub: secp256k1.getPublicKey(priv, true), address, wallet };
}

let node: TestNode;
let q: PrecisionConnection;
let authority: Party, patient: Party, cardiologist: Party, vault: Party, relay: Party;
const orgPriv = secp256k1.utils.randomSecretKey();
const devicePriv = secp256k1.utils.randomSecretKey();
const observation = new TextEncoder().encode(
  JSON.stringify({ resourceType: "Observation", id: "obs-1", status: "final", code: { coding: [{ system: "http://loinc.org", code: "8867-4" }] }, valueQuantity: { value: 72, unit: "/min" } }),
);

/** A fixed fee, so that txs the chain rejects are still broadcast ("auto" would fail to simulate). */
const fee = calculateFee(600_000, options.gasPrice);

async function send(from: Party, ...messages: { typeUrl: string; value: unknown }[]): Promise<DeliverTxResponse> {
  return from.client!.signAndBroadcast(from.address, messages, fee);
}

beforeAll(async () => {
  [authority, patient, cardiologist, vault, relay] = await Promise.all([party(), party(), party(), party(), party()]);
  node = await createTestNode([authority, patient, cardiologist, vault, relay].map((p) => ({ address: p.address, coins: "1000000000uusd" })));
  const file = `${node.home}/config/genesis.json`;
  const genesis = JSON.parse(readFileSync(file, "utf8"));
  genesis.app_state.identity.authority = authority.address;
  genesis.app_state.access.params.authority = authority.address;
  genesis.app_state.access.params.vaultOperators = [vault.address];
  writeFileSync(file, JSON.stringify(genesis));
  await node.start();
  for (const p of [authority, patient, cardiologist, vault, relay]) {
    p.client = await SigningStargateClient.connectWithSigner(node.rpcUrl, p.wallet, options);
  }
  q = await connectPrecisionClient(node.rpcUrl);
  const setup = await send(
    authority,
    identityMessageComposer.registerOrganization({ authority: authority.address, id: "heartcare", name: "HeartCare Clinic", type: OrganizationType.ORGANIZATION_TYPE_PROVIDER, encryptionPublicKey: secp256k1.getPublicKey(orgPriv, true) }),
    identityMessageComposer.addMember({ authority: authority.address, organizationId: "heartcare", address: cardiologist.address, roles: [Role.ROLE_CLINICIAN], title: "Cardiologist" }),
    identityMessageComposer.registerDevice({ authority: authority.address, id: "wear-7", kind: DeviceKind.DEVICE_KIND_WEARABLE, publicKey: secp256k1.getPublicKey(devicePriv, true), patientAddress: patient.address, model: "ECG patch" }),
  );
  expect(setup.code).toBe(0);
}, 60_000);

afterAll(async () => {
  q?.disconnect();
  for (const p of [authority, patient, cardiologist, vault, relay]) p?.client?.disconnect();
  expect(await node?.stop()).toBe(0);
  await node?.remove();
});

describe("records and access against precisiond", () => {
  it("anchors an encrypted record, grants an organisation, and the grantee decrypts with the key from CanRead", async () => {
    const sealed = await encryptRecord(observation, { recordId: "obs-1" });
    const { dataKey } = sealed;
    const hash = Uint8Array.from(Buffer.from(sealed.contentHash, "hex"));
    const anchored = await send(
      patient,
      recordsMessageComposer.anchorRecord({
        author: patient.address,
        id: "obs-1",
        patient: patient.address,
        resourceType: "Observation",
        recordClass: RecordClass.RECORD_CLASS_VITALS,
        ciphertextSha256: hash,
        ciphertextSize: BigInt(sealed.envelope.length),
        vaultLocator: vaultLocator(hash),
        keys: [{ recipient: patient.address, wrappedKey: await wrapKey(dataKey, patient.pub) }],
      }),
    );
    expect(anchored.code).toBe(0);
    expect((await q.query.records.record("obs-1")).ciphertextSha256).toEqual(hash);

    const end = BigInt(Math.floor(Date.now() / 1000) + 3_600);
    const granted = await send(
      patient,
      accessMessageComposer.grantAccess({
        patient: patient.address,
        granteeOrganizationId: "heartcare",
        scope: { classes: [RecordClass.RECORD_CLASS_VITALS, RecordClass.RECORD_CLASS_LABS] },
        purpose: Purpose.PURPOSE_TREAT,
        end: { seconds: end, nanos: 0 },
        keys: [{ recordId: "obs-1", wrappedKey: await wrapKey(dataKey, secp256k1.getPublicKey(orgPriv, true)) }],
      }),
    );
    expect(granted.code).toBe(0);

    const decision = await q.query.access.canRead(cardiologist.address, "obs-1");
    expect(decision).toMatchObject({ allowed: true, grantId: 1n, purpose: Purpose.PURPOSE_TREAT, patient: patient.address });
    const key = await unwrapKey(decision.wrappedKey, orgPriv);
    expect(contentHash(sealed.envelope)).toBe(Buffer.from((await q.query.records.record("obs-1")).ciphertextSha256).toString("hex"));
    expect(await decryptRecord(sealed.envelope, key, { recordId: "obs-1" })).toEqual(observation);

    const consent = await q.query.access.grantsByPatient(patient.address);
    expect(consent.grants.map((g) => [g.id, g.granteeOrganizationId])).toEqual([[1n, "heartcare"]]);
    expect((await q.query.access.grantsToReader(cardiologist.address, true)).map((g) => g.id)).toEqual([1n]);
  });

  it("logs a read only from the registered vault and only while it is allowed; revocation is at once, history stays", async () => {
    const logged = await send(vault, accessMessageComposer.logAccess({ vault: vault.address, reader: cardiologist.address, recordId: "obs-1" }));
    expect(logged.code).toBe(0);
    const forged = await send(relay, accessMessageComposer.logAccess({ vault: relay.address, reader: cardiologist.address, recordId: "obs-1" }));
    expect(forged.code).toBe(13);
    expect(forged.rawLog).toContain("not a registered vault operator");

    const revoked = await send(patient, accessMessageComposer.revokeAccess({ patient: patient.address, grantId: 1n }));
    expect(revoked.code).toBe(0);
    expect(await q.query.access.canRead(cardiologist.address, "obs-1")).toMatchObject({ allowed: false, reason: "revoked" });
    // Asked at the height before the revocation, the answer is what that block allowed.
    expect(await q.query.access.canRead(cardiologist.address, "obs-1", revoked.height - 1)).toMatchObject({ allowed: true, grantId: 1n, purpose: Purpose.PURPOSE_TREAT });
    // The access log keeps what was allowed when: the read served before revocation stays listed.
    const refused = await send(vault, accessMessageComposer.logAccess({ vault: vault.address, reader: cardiologist.address, recordId: "obs-1" }));
    expect(refused.code).toBe(14);

    const log = await q.query.access.accessLog(patient.address);
    expect(log.entries.map((e) => [e.reader, e.recordId, e.purpose])).toEqual([[cardiologist.address, "obs-1", Purpose.PURPOSE_TREAT]]);
  });

  it("a clinician without a treatment relationship cannot anchor for the patient", async () => {
    const hash = new Uint8Array(32).fill(7);
    const res = await send(
      cardiologist,
      recordsMessageComposer.anchorRecord({
        author: cardiologist.address,
        id: "note-9",
        patient: patient.address,
        authorOrganizationId: "heartcare",
        resourceType: "DocumentReference",
        recordClass: RecordClass.RECORD_CLASS_NOTES,
        ciphertextSha256: hash,
        ciphertextSize: 10n,
        vaultLocator: vaultLocator(hash),
        keys: [
          { recipient: patient.address, wrappedKey: await wrapKey(new Uint8Array(32), patient.pub) },
          { recipient: organizationRecipient("heartcare"), wrappedKey: await wrapKey(new Uint8Array(32), secp256k1.getPublicKey(orgPriv, true)) },
        ],
      }),
    );
    expect(res.code).toBe(13);
    expect(res.rawLog).toContain("no live treatment relationship");
  });

  it("a device-signed alert opens the patient's emergency rule for the cardiology organisation", async () => {
    const rule = await send(
      patient,
      accessMessageComposer.setEmergencyRule({ patient: patient.address, triggerCode: "ecg.afib", granteeOrganizationId: "heartcare", classes: [RecordClass.RECORD_CLASS_VITALS], lookBackSeconds: 86_400n, durationSeconds: 3_600n }),
    );
    expect(rule.code).toBe(0);
    expect(await q.query.alerts.alertCodes()).toContain("ecg.afib");

    const alert = { chainId: CHAIN_ID, deviceId: "wear-7", sequence: 1n, code: "ecg.afib", observedAt: BigInt(Math.floor(Date.now() / 1000)) };
    const raised = await send(relay, alertsMessageComposer.submitAlert({ submitter: relay.address, ...alert, signature: signDeviceAlert(alert, devicePriv) }));
    expect(raised.code).toBe(0);
    expect(raised.events.find((e) => e.type === "precision.alerts.v1.EventAlertRaised")?.attributes).toContainEqual({ key: "grantee_organization_id", value: '"heartcare"' });
    const replay = await send(relay, alertsMessageComposer.submitAlert({ submitter: relay.address, ...alert, signature: signDeviceAlert(alert, devicePriv) }));
    expect(replay.code).toBe(6);

    expect(await q.query.access.canRead(cardiologist.address, "obs-1")).toMatchObject({ allowed: true, purpose: Purpose.PURPOSE_ETREAT, grantId: 2n });
    expect((await q.query.alerts.alertsByPatient(patient.address)).alerts.map((a) => [a.id, a.grantIds])).toEqual([["wear-7-1", [2n]]]);
  });
});
