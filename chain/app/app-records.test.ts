import { secp256k1 } from "@noble/curves/secp256k1.js";
import {
  GrantKind,
  Purpose,
  RecordClass,
  accessTypeUrls,
  alertsTypeUrls,
  recordsTypeUrls,
  type ProtoMessageType,
} from "@precision/proto";
import { QueryAccessLogRequest, QueryAccessLogResponse, QueryCanReadRequest, QueryCanReadResponse, QueryGrantsByPatientRequest, QueryGrantsByPatientResponse } from "@precision/proto/precision/access/v1/query";
import { MsgAddEmergencyRuleKeys, MsgAddGrantKeys, MsgBreakGlass, MsgGrantAccess, MsgLogAccess, MsgReleaseGrantKeys, MsgRevokeAccess, MsgSetEmergencyRule, MsgUpdateParams } from "@precision/proto/precision/access/v1/tx";
import { QueryAlertsByPatientRequest, QueryAlertsByPatientResponse } from "@precision/proto/precision/alerts/v1/query";
import { MsgSubmitAlert, MsgSubmitAlertResponse } from "@precision/proto/precision/alerts/v1/tx";
import { QueryRecordsByPatientRequest, QueryRecordsByPatientResponse } from "@precision/proto/precision/records/v1/query";
import { MsgAnchorRecord } from "@precision/proto/precision/records/v1/tx";
import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { QueryAccountRequest, QueryAccountResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import type { ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { alertSignDigest } from "../modules/alerts/module.js";
import { buildGenesis } from "./genesis.js";
import { TEST_CHAIN_ID, TestChain } from "./testing/test-chain.js";
import { buildSignedTx, testKey, type TestKey } from "./testing/tx-builder.js";

const authority = testKey("consortium");
const patient = testKey("patient ana");
const cardiologist = testKey("dr heart");
const stranger = testKey("stranger");
const vault = testKey("vault operator");
const relay = testKey("alert relay");
const labTech = testKey("lab scientist");
const biller = testKey("billing clerk");
const people = [authority, patient, cardiologist, stranger, vault, relay, labTech, biller];
const deviceKey = secp256k1.utils.randomSecretKey();
const fee = { amount: [{ denom: "uusd", amount: "5000" }], gasLimit: 500_000n };

/** A well-formed wrapped key: the chain checks the format, @precision/client does the crypto. */
const wrapped = (n: number) => Uint8Array.from({ length: 94 }, (_, i) => (i === 0 ? 1 : (n + i) & 0xff));
const sha = (n: number) => Uint8Array.from({ length: 32 }, (_, i) => (n * 7 + i) & 0xff);
const locator = (h: Uint8Array) => `vault:sha256:${Buffer.from(h).toString("hex")}`;

let chain: TestChain;
const sequences = new Map<string, bigint>();

beforeEach(async () => {
  sequences.clear();
  chain = await TestChain.start(
    buildGenesis({
      chainId: TEST_CHAIN_ID,
      authority: authority.address,
      vaultOperators: [vault.address],
      accounts: people.map((p) => ({ address: p.address, coins: [{ denom: "uusd", amount: "10000000" }] })),
      identity: {
        organizations: [
          { id: "heartcare", name: "HeartCare Clinic", type: "ORGANIZATION_TYPE_PROVIDER", active: true },
          { id: "acme-pharma", name: "Acme Pharma", type: "ORGANIZATION_TYPE_MANUFACTURER", active: true },
          { id: "labco", name: "LabCo", type: "ORGANIZATION_TYPE_LAB", active: true },
        ],
        members: [
          { organizationId: "heartcare", address: cardiologist.address, roles: ["ROLE_CLINICIAN"], active: true },
          { organizationId: "labco", address: labTech.address, roles: ["ROLE_CLINICIAN"], active: true },
          { organizationId: "heartcare", address: biller.address, roles: ["ROLE_BILLING"], active: true },
        ],
        devices: [
          { id: "wear-1", kind: "DEVICE_KIND_WEARABLE", publicKey: Buffer.from(secp256k1.getPublicKey(deviceKey, true)).toString("base64"), patientAddress: patient.address, active: true },
        ],
      },
    }),
  );
  await chain.block([]);
});

afterEach(async () => {
  await chain.stop();
});

function tx(signer: TestKey, typeUrl: string, type: ProtoMessageType, value: unknown): Uint8Array {
  const sequence = sequences.get(signer.address) ?? 0n;
  sequences.set(signer.address, sequence + 1n);
  return buildSignedTx({
    signer,
    chainId: TEST_CHAIN_ID,
    accountNumber: BigInt(people.indexOf(signer)),
    sequence,
    fee,
    messages: [{ typeUrl, value: type.encode(type.fromPartial(value)).finish() }],
  }).bytes;
}

/** Commits a block, then re-reads every sequence: a message failing ValidateBasic bumps none. */
async function deliver(...txs: Uint8Array[]): Promise<ExecTxResult[]> {
  const { results } = await chain.block(txs);
  for (const p of people) {
    const res = await chain.query("/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest.encode({ address: p.address }).finish());
    const account = res.code === 0 ? BaseAccount.decode(QueryAccountResponse.decode(res.value).account!.value) : undefined;
    sequences.set(p.address, account?.sequence ?? 0n);
  }
  return results;
}

function anchor(author: TestKey, id: string, recordClass: RecordClass, extra: Record<string, unknown> = {}) {
  const hash = sha(id.length + recordClass);
  return tx(author, recordsTypeUrls.msgAnchorRecord, MsgAnchorRecord, {
    author: author.address,
    id,
    patient: patient.address,
    resourceType: "Observation",
    recordClass,
    ciphertextSha256: hash,
    ciphertextSize: 1200n,
    vaultLocator: locator(hash),
    keys: [{ recipient: patient.address, wrappedKey: wrapped(1) }],
    ...extra,
  });
}

const orgKeys = [
  { recipient: patient.address, wrappedKey: wrapped(1) },
  { recipient: "org:heartcare", wrappedKey: wrapped(2) },
];

function grant(value: Record<string, unknown>) {
  return tx(patient, accessTypeUrls.msgGrantAccess, MsgGrantAccess, { patient: patient.address, purpose: Purpose.PURPOSE_TREAT, ...value });
}

async function canRead(reader: TestKey, recordId: string, height = 0) {
  const res = await chain.query("/precision.access.v1.Query/CanRead", QueryCanReadRequest.encode({ reader: reader.address, recordId }).finish(), BigInt(height));
  expect(res.log).toBe("");
  expect(res.code).toBe(0);
  return QueryCanReadResponse.decode(res.value);
}

function logRead(reader: TestKey, recordId: string, signer = vault) {
  return tx(signer, accessTypeUrls.msgLogAccess, MsgLogAccess, { vault: signer.address, reader: reader.address, recordId });
}

const failure = (r: ExecTxResult) => [r.codespace, r.code];

describe("records and access through signed transactions", () => {
  it("anchors only under a treatment relationship, scopes reads by class, logs reads and revokes at once", async () => {
    const later = chain.nextBlockSeconds() + 86_400n;
    const [noGrant, own, ownNote] = await deliver(
      anchor(cardiologist, "obs-early", RecordClass.RECORD_CLASS_VITALS, { authorOrganizationId: "heartcare", keys: orgKeys }),
      anchor(patient, "bp-1", RecordClass.RECORD_CLASS_VITALS),
      anchor(patient, "note-1", RecordClass.RECORD_CLASS_NOTES),
    );
    expect(failure(noGrant!)).toEqual(["records", 13]);
    expect([own!.code, ownNote!.code]).toEqual([0, 0]);

    const [granted] = await deliver(
      grant({ granteeOrganizationId: "heartcare", scope: { classes: [RecordClass.RECORD_CLASS_VITALS, RecordClass.RECORD_CLASS_LABS] }, end: { seconds: later } }),
    );
    expect(granted!.code).toBe(0);
    expect(granted!.events.map((e) => e.type)).toContain("precision.access.v1.EventAccessGranted");

    const [lab, missingOrgKey, outOfScope, strangerAnchor] = await deliver(
      anchor(cardiologist, "lab-1", RecordClass.RECORD_CLASS_LABS, { authorOrganizationId: "heartcare", keys: orgKeys }),
      anchor(cardiologist, "lab-2", RecordClass.RECORD_CLASS_LABS, { authorOrganizationId: "heartcare" }),
      anchor(cardiologist, "note-2", RecordClass.RECORD_CLASS_NOTES, { authorOrganizationId: "heartcare", keys: orgKeys }),
      anchor(stranger, "lab-3", RecordClass.RECORD_CLASS_LABS, { authorOrganizationId: "heartcare", keys: orgKeys }),
    );
    expect(lab!.code).toBe(0);
    expect(failure(missingOrgKey!)).toEqual(["records", 11]);
    expect(failure(outOfScope!)).toEqual(["records", 13]);
    expect(failure(strangerAnchor!)).toEqual(["records", 2]);

    expect(await canRead(cardiologist, "bp-1")).toMatchObject({ allowed: true, grantId: 1n, purpose: Purpose.PURPOSE_TREAT, patient: patient.address });
    expect(await canRead(cardiologist, "note-1")).toMatchObject({ allowed: false, reason: "out_of_scope" });
    expect(await canRead(stranger, "bp-1")).toMatchObject({ allowed: false, reason: "no_grant" });
    expect(await canRead(patient, "note-1")).toMatchObject({ allowed: true, purpose: Purpose.PURPOSE_PATRQT, wrappedKey: wrapped(1) });
    expect(await canRead(cardiologist, "nope")).toMatchObject({ allowed: false, reason: "record_not_found" });

    const [logged, notVault, denied] = await deliver(logRead(cardiologist, "bp-1"), logRead(cardiologist, "bp-1", stranger), logRead(stranger, "bp-1"));
    expect(logged!.code).toBe(0);
    expect(failure(notVault!)).toEqual(["access", 13]);
    expect(failure(denied!)).toEqual(["access", 14]);

    const [revoked] = await deliver(tx(patient, accessTypeUrls.msgRevokeAccess, MsgRevokeAccess, { patient: patient.address, grantId: 1n }));
    expect(revoked!.code).toBe(0);
    expect(await canRead(cardiologist, "bp-1")).toMatchObject({ allowed: false, reason: "revoked" });
    // The organisation that wrote a record keeps reading it; revocation ends access to the rest.
    expect(await canRead(cardiologist, "lab-1")).toMatchObject({ allowed: true, grantId: 0n, wrappedKey: wrapped(2) });
    const [afterRevoke, revokeTwice, othersGrant] = await deliver(
      logRead(cardiologist, "bp-1"),
      tx(patient, accessTypeUrls.msgRevokeAccess, MsgRevokeAccess, { patient: patient.address, grantId: 1n }),
      tx(stranger, accessTypeUrls.msgRevokeAccess, MsgRevokeAccess, { patient: stranger.address, grantId: 1n }),
    );
    expect(failure(afterRevoke!)).toEqual(["access", 14]);
    expect(failure(revokeTwice!)).toEqual(["access", 8]);
    expect(failure(othersGrant!)).toEqual(["access", 2]);

    const log = await chain.query("/precision.access.v1.Query/AccessLog", QueryAccessLogRequest.encode({ patient: patient.address, pagination: undefined }).finish());
    expect(QueryAccessLogResponse.decode(log.value).entries).toMatchObject([{ id: 1n, reader: cardiologist.address, recordId: "bp-1", purpose: Purpose.PURPOSE_TREAT, grantId: 1n, vault: vault.address }]);
    const records = await chain.query("/precision.records.v1.Query/RecordsByPatient", QueryRecordsByPatientRequest.encode({ patient: patient.address, recordClass: RecordClass.RECORD_CLASS_LABS, pagination: undefined }).finish());
    expect(QueryRecordsByPatientResponse.decode(records.value).records.map((r) => r.id)).toEqual(["lab-1"]);
  });

  it("denies a grant after its period ends, and a person grant carries re-wrapped keys", async () => {
    const end = chain.nextBlockSeconds() + 30n;
    await deliver(anchor(patient, "bp-1", RecordClass.RECORD_CLASS_VITALS));
    const [ok, badPeriod, selfGrant, noScope, patrqt] = await deliver(
      grant({ grantee: cardiologist.address, scope: { recordIds: ["bp-1"] }, end: { seconds: end }, keys: [{ recordId: "bp-1", wrappedKey: wrapped(9) }] }),
      grant({ grantee: cardiologist.address, scope: { all: true }, end: { seconds: 1n } }),
      grant({ grantee: patient.address, scope: { all: true }, end: { seconds: end } }),
      grant({ grantee: cardiologist.address, scope: {}, end: { seconds: end } }),
      grant({ grantee: cardiologist.address, scope: { all: true }, end: { seconds: end }, purpose: Purpose.PURPOSE_PATRQT }),
    );
    expect(ok!.code).toBe(0);
    expect(failure(badPeriod!)).toEqual(["access", 7]);
    expect(failure(selfGrant!)).toEqual(["access", 4]);
    expect(failure(noScope!)).toEqual(["access", 5]);
    expect(failure(patrqt!)).toEqual(["access", 6]);
    expect(await canRead(cardiologist, "bp-1")).toMatchObject({ allowed: true, wrappedKey: wrapped(9) });

    await deliver(anchor(patient, "bp-2", RecordClass.RECORD_CLASS_VITALS));
    const [addKeys] = await deliver(tx(patient, accessTypeUrls.msgAddGrantKeys, MsgAddGrantKeys, { patient: patient.address, grantId: 1n, keys: [{ recordId: "bp-1", wrappedKey: wrapped(10) }] }));
    expect(addKeys!.code).toBe(0);
    expect(await canRead(cardiologist, "bp-1")).toMatchObject({ allowed: true, wrappedKey: wrapped(10) });
    expect(await canRead(cardiologist, "bp-2")).toMatchObject({ allowed: false, reason: "out_of_scope" });

    chain.advance(60n);
    await deliver();
    expect(await canRead(cardiologist, "bp-1")).toMatchObject({ allowed: false, reason: "expired" });
  });

  it("refuses a grant carrying a field this chain does not know (code 2) rather than granting without it", async () => {
    await deliver(anchor(patient, "bp-1", RecordClass.RECORD_CLASS_VITALS));
    const value = MsgGrantAccess.encode(
      MsgGrantAccess.fromPartial({ patient: patient.address, grantee: cardiologist.address, purpose: Purpose.PURPOSE_TREAT, scope: { all: true }, end: { seconds: chain.nextBlockSeconds() + 3_600n } }),
    ).finish();
    // A newer client's field 20 (a limit on reads, say): executing the grant without it would give more than the patient set.
    const withLimit = Uint8Array.from([...value, 0xa0, 0x01, 0x03]);
    const signed = buildSignedTx({ signer: patient, chainId: TEST_CHAIN_ID, accountNumber: BigInt(people.indexOf(patient)), sequence: sequences.get(patient.address)!, fee, messages: [{ typeUrl: accessTypeUrls.msgGrantAccess, value: withLimit }] }).bytes;
    const checked = await chain.checkTx(signed);
    expect([checked.codespace, checked.code]).toEqual(["sdk", 2]);
    expect(checked.log).toMatch(/precision\.access\.v1\.MsgGrantAccess: unknown field 20/);
    const [result] = await deliver(signed);
    expect(failure(result!)).toEqual(["sdk", 2]);
    expect(await canRead(cardiologist, "bp-1")).toMatchObject({ allowed: false });
  });

  it("opens the patient's emergency rule from a signed wearable alert, for its window only", async () => {
    await deliver(anchor(patient, "ecg-1", RecordClass.RECORD_CLASS_VITALS), anchor(patient, "note-1", RecordClass.RECORD_CLASS_NOTES));
    const [rule] = await deliver(
      tx(patient, accessTypeUrls.msgSetEmergencyRule, MsgSetEmergencyRule, {
        patient: patient.address,
        triggerCode: "ecg.afib",
        granteeOrganizationId: "heartcare",
        classes: [RecordClass.RECORD_CLASS_VITALS],
        lookBackSeconds: 3_600n,
        durationSeconds: 600n,
        keys: [
          { recordId: "ecg-1", wrappedKey: wrapped(21) },
          { recordId: "note-1", wrappedKey: wrapped(22) },
        ],
      }),
    );
    expect(rule!.code).toBe(0);
    expect(await canRead(cardiologist, "ecg-1")).toMatchObject({ allowed: false, reason: "no_grant" });

    // A reading anchored after the rule was set has its key escrowed with the rule too.
    await deliver(anchor(patient, "ecg-2", RecordClass.RECORD_CLASS_VITALS), anchor(patient, "note-2", RecordClass.RECORD_CLASS_NOTES));
    const ruleKeys = (who: TestKey, ruleId: bigint, recordId: string, n: number) =>
      tx(who, accessTypeUrls.msgAddEmergencyRuleKeys, MsgAddEmergencyRuleKeys, { patient: who.address, ruleId, keys: [{ recordId, wrappedKey: wrapped(n) }] });
    const [added, notCovered, othersRule, noRule] = await deliver(ruleKeys(patient, 1n, "ecg-2", 23), ruleKeys(patient, 1n, "note-2", 24), ruleKeys(stranger, 1n, "ecg-2", 25), ruleKeys(patient, 9n, "ecg-2", 26));
    expect(added!.code).toBe(0);
    expect(added!.events.map((e) => e.type)).toContain("precision.access.v1.EventEmergencyRuleKeysAdded");
    expect(failure(notCovered!)).toEqual(["access", 5]);
    expect(failure(othersRule!)).toEqual(["access", 2]);
    expect(failure(noRule!)).toEqual(["access", 9]);

    const alert = (sequence: bigint, code = "ecg.afib", key = deviceKey) => {
      const observedAt = chain.nextBlockSeconds() - 5n;
      const digest = alertSignDigest({ chainId: TEST_CHAIN_ID, deviceId: "wear-1", sequence, code, observedAt });
      const signature = secp256k1.sign(digest, key, { prehash: false, lowS: true, format: "compact" });
      return tx(relay, alertsTypeUrls.msgSubmitAlert, MsgSubmitAlert, { submitter: relay.address, deviceId: "wear-1", sequence, code, observedAt, signature });
    };
    const [forged, raised, replayed, unknown] = await deliver(alert(1n, "ecg.afib", secp256k1.utils.randomSecretKey()), alert(1n), alert(1n), alert(2n, "ecg.unknown"));
    expect(failure(forged!)).toEqual(["alerts", 5]);
    expect(raised!.code).toBe(0);
    expect(MsgSubmitAlertResponse.decode(TxMsgData.decode(raised!.data).msgResponses[0]!.value)).toEqual({ alertId: "wear-1-1", grantIds: [1n] });
    const event = raised!.events.find((e) => e.type === "precision.alerts.v1.EventAlertRaised")!;
    expect(Object.fromEntries(event.attributes.map((a) => [a.key, a.value]))).toMatchObject({ grantee_organization_id: '"heartcare"', code: '"ecg.afib"' });
    expect(failure(replayed!)).toEqual(["alerts", 6]);
    expect(failure(unknown!)).toEqual(["alerts", 7]);

    // The escrowed key of the record in scope travels into the grant; the out-of-scope one does not.
    expect(await canRead(cardiologist, "ecg-1")).toMatchObject({ allowed: true, grantId: 1n, purpose: Purpose.PURPOSE_ETREAT, wrappedKey: wrapped(21) });
    expect(await canRead(cardiologist, "ecg-2")).toMatchObject({ allowed: true, grantId: 1n, wrappedKey: wrapped(23) });
    expect(await canRead(cardiologist, "note-1")).toMatchObject({ allowed: false, reason: "out_of_scope" });
    const alerts = await chain.query("/precision.alerts.v1.Query/AlertsByPatient", QueryAlertsByPatientRequest.encode({ patient: patient.address, pagination: undefined }).finish());
    expect(QueryAlertsByPatientResponse.decode(alerts.value).alerts).toMatchObject([{ id: "wear-1-1", code: "ecg.afib", grantIds: [1n] }]);

    chain.advance(700n);
    await deliver();
    expect(await canRead(cardiologist, "ecg-1")).toMatchObject({ allowed: false, reason: "expired" });
  });

  it("lets only an active clinician of a provider break the glass, with a coded reason, visible to the patient", async () => {
    await deliver(anchor(patient, "note-1", RecordClass.RECORD_CLASS_NOTES));
    const breakGlass = (who: TestKey, reason: string, organizationId = "heartcare") =>
      tx(who, accessTypeUrls.msgBreakGlass, MsgBreakGlass, { clinician: who.address, organizationId, patient: patient.address, reason });
    const [byStranger, freeText] = await deliver(breakGlass(stranger, "patient-unresponsive"), breakGlass(cardiologist, "Ana was found unconscious at home"));
    const [opened] = await deliver(breakGlass(cardiologist, "patient-unresponsive"));
    expect(failure(byStranger!)).toEqual(["access", 11]);
    expect(failure(freeText!)).toEqual(["access", 12]);
    expect(opened!.code).toBe(0);
    expect(opened!.events.map((e) => e.type)).toContain("precision.access.v1.EventBreakGlass");
    expect(await canRead(cardiologist, "note-1")).toMatchObject({ allowed: true, purpose: Purpose.PURPOSE_ETREAT });

    const grants = await chain.query("/precision.access.v1.Query/GrantsByPatient", QueryGrantsByPatientRequest.encode({ patient: patient.address, pagination: undefined }).finish());
    const [shown] = QueryGrantsByPatientResponse.decode(grants.value).grants;
    expect(shown).toMatchObject({ kind: GrantKind.GRANT_KIND_BREAK_GLASS, grantee: cardiologist.address, organizationId: "heartcare", reason: "patient-unresponsive" });
    expect(shown!.end!.seconds - shown!.start!.seconds).toBe(4n * 3_600n);

    const [notAuthority, widened] = await deliver(
      tx(stranger, accessTypeUrls.msgUpdateParams, MsgUpdateParams, { authority: stranger.address, params: { authority: stranger.address, breakGlassSeconds: 60n, maxGrantSeconds: 60n, maxEmergencySeconds: 60n } }),
      tx(authority, accessTypeUrls.msgUpdateParams, MsgUpdateParams, { authority: authority.address, params: { authority: authority.address, vaultOperators: [vault.address], breakGlassSeconds: 1_800n, maxGrantSeconds: 86_400n, maxEmergencySeconds: 3_600n } }),
    );
    expect(failure(notAuthority!)).toEqual(["access", 2]);
    expect(widened!.code).toBe(0);
  });

  it("lets the organisation that wrote a record release its key to a live grant that covers it, and nothing more", async () => {
    const later = chain.nextBlockSeconds() + 86_400n;
    const labKeys = [
      { recipient: patient.address, wrappedKey: wrapped(1) },
      { recipient: "org:labco", wrappedKey: wrapped(3) },
    ];
    await deliver(grant({ granteeOrganizationId: "labco", scope: { classes: [RecordClass.RECORD_CLASS_LABS] }, end: { seconds: later } }));
    await deliver(anchor(labTech, "lab-1", RecordClass.RECORD_CLASS_LABS, { authorOrganizationId: "labco", keys: labKeys }), anchor(patient, "bp-1", RecordClass.RECORD_CLASS_VITALS));
    const [vitalsOnly] = await deliver(grant({ grantee: cardiologist.address, scope: { classes: [RecordClass.RECORD_CLASS_VITALS] }, end: { seconds: later } }));
    expect(vitalsOnly!.code).toBe(0);
    const [glass] = await deliver(tx(cardiologist, accessTypeUrls.msgBreakGlass, MsgBreakGlass, { clinician: cardiologist.address, organizationId: "heartcare", patient: patient.address, reason: "patient-unresponsive" }));
    expect(glass!.code).toBe(0);
    // grant 1: labco's treatment grant; 2: the cardiologist's vitals grant; 3: break-glass.
    expect(await canRead(cardiologist, "lab-1")).toMatchObject({ allowed: true, grantId: 3n, wrappedKey: new Uint8Array() });

    const release = (who: TestKey, grantId: bigint, recordId: string, organizationId = "labco", key = wrapped(40)) =>
      tx(who, accessTypeUrls.msgReleaseGrantKeys, MsgReleaseGrantKeys, { releaser: who.address, organizationId, grantId, keys: [{ recordId, wrappedKey: key }] });
    const [released, notMember, notTheirs, outOfScope, unknown, malformed, noKeys] = await deliver(
      release(labTech, 3n, "lab-1"),
      release(stranger, 3n, "lab-1"),
      release(labTech, 3n, "bp-1"),
      release(labTech, 2n, "lab-1"),
      release(labTech, 3n, "lab-404"),
      release(labTech, 3n, "lab-1", "labco", new Uint8Array(12)),
      tx(labTech, accessTypeUrls.msgReleaseGrantKeys, MsgReleaseGrantKeys, { releaser: labTech.address, organizationId: "labco", grantId: 3n, keys: [] }),
    );
    expect(released!.code).toBe(0);
    expect(released!.events.map((e) => e.type)).toContain("precision.access.v1.EventGrantKeysReleased");
    expect(failure(notMember!)).toEqual(["access", 19]);
    expect(failure(notTheirs!)).toEqual(["access", 2]);
    expect(failure(outOfScope!)).toEqual(["access", 5]);
    expect(failure(unknown!)).toEqual(["access", 18]);
    expect(failure(malformed!)).toEqual(["access", 15]);
    expect(failure(noKeys!)).toEqual(["access", 15]);
    expect(await canRead(cardiologist, "lab-1")).toMatchObject({ allowed: true, grantId: 3n, wrappedKey: wrapped(40) });

    const [revoked] = await deliver(tx(patient, accessTypeUrls.msgRevokeAccess, MsgRevokeAccess, { patient: patient.address, grantId: 3n }));
    expect(revoked!.code).toBe(0);
    const [afterRevoke] = await deliver(release(labTech, 3n, "lab-1"));
    expect(failure(afterRevoke!)).toEqual(["access", 8]);
    expect(await canRead(cardiologist, "lab-1")).toMatchObject({ allowed: false, reason: "revoked" });
  });

  it("lets a member read under an organisation's grant only in a role its purpose calls for", async () => {
    const end = chain.nextBlockSeconds() + 3_600n;
    await deliver(anchor(patient, "bp-1", RecordClass.RECORD_CLASS_VITALS), anchor(patient, "note-1", RecordClass.RECORD_CLASS_NOTES));
    await deliver(grant({ granteeOrganizationId: "heartcare", scope: { classes: [RecordClass.RECORD_CLASS_VITALS] }, end: { seconds: end } }));
    expect(await canRead(cardiologist, "bp-1")).toMatchObject({ allowed: true, grantId: 1n });
    expect(await canRead(biller, "bp-1")).toMatchObject({ allowed: false, reason: "role_not_permitted" });
    const [logged] = await deliver(logRead(biller, "bp-1"));
    expect(failure(logged!)).toEqual(["access", 14]);

    await deliver(grant({ granteeOrganizationId: "heartcare", purpose: Purpose.PURPOSE_HPAYMT, scope: { classes: [RecordClass.RECORD_CLASS_NOTES] }, end: { seconds: end } }));
    expect(await canRead(biller, "note-1")).toMatchObject({ allowed: true, grantId: 2n, purpose: Purpose.PURPOSE_HPAYMT });
    expect(await canRead(cardiologist, "note-1")).toMatchObject({ allowed: false, reason: "role_not_permitted" });
    // The most telling reason wins: a grant covering the record, but not in their role, over one not covering it.
    expect(await canRead(biller, "bp-1")).toMatchObject({ allowed: false, reason: "role_not_permitted" });
  });

  it("answers whether a reader could read a record at a past height, as that block saw it", async () => {
    await deliver(anchor(patient, "bp-1", RecordClass.RECORD_CLASS_VITALS));
    const beforeGrant = chain.height;
    const end = chain.nextBlockSeconds() + 30n;
    await deliver(grant({ grantee: cardiologist.address, scope: { classes: [RecordClass.RECORD_CLASS_VITALS] }, end: { seconds: end }, keys: [{ recordId: "bp-1", wrappedKey: wrapped(9) }] }));
    const granted = chain.height;
    await deliver(tx(patient, accessTypeUrls.msgRevokeAccess, MsgRevokeAccess, { patient: patient.address, grantId: 1n }));
    const revoked = chain.height;
    await deliver(anchor(patient, "bp-2", RecordClass.RECORD_CLASS_VITALS));

    expect(await canRead(cardiologist, "bp-1", beforeGrant)).toMatchObject({ allowed: false, reason: "no_grant" });
    expect(await canRead(cardiologist, "bp-1", granted)).toMatchObject({ allowed: true, grantId: 1n, purpose: Purpose.PURPOSE_TREAT, wrappedKey: wrapped(9) });
    expect(await canRead(cardiologist, "bp-1", revoked)).toMatchObject({ allowed: false, reason: "revoked" });
    expect(await canRead(cardiologist, "bp-1")).toMatchObject({ allowed: false, reason: "revoked" });
    // A record anchored later did not exist yet.
    expect(await canRead(patient, "bp-2", revoked)).toMatchObject({ allowed: false, reason: "record_not_found" });
    expect(await canRead(patient, "bp-2")).toMatchObject({ allowed: true });

    const future = await chain.query("/precision.access.v1.Query/CanRead", QueryCanReadRequest.encode({ reader: cardiologist.address, recordId: "bp-1" }).finish(), BigInt(chain.height + 5));
    expect([future.codespace, future.code]).toEqual(["sdk", 26]);
    const otherQuery = await chain.query("/precision.access.v1.Query/GrantsByPatient", QueryGrantsByPatientRequest.encode({ patient: patient.address, pagination: undefined }).finish(), BigInt(granted));
    expect([otherQuery.codespace, otherQuery.code]).toEqual(["sdk", 26]);
  });

  it("exports records, grants, rules, log and alerts to a genesis that validates and re-imports identically", async () => {
    await deliver(anchor(patient, "bp-1", RecordClass.RECORD_CLASS_VITALS));
    await deliver(grant({ grantee: cardiologist.address, scope: { all: true }, end: { seconds: chain.nextBlockSeconds() + 100n } }));
    await deliver(logRead(cardiologist, "bp-1"));
    const exported = chain.app.exportAppState();
    chain.app.validateAppState(exported.appState);
    const again = await TestChain.start({ genesis_time: "2023-11-14T22:13:20Z", chain_id: TEST_CHAIN_ID, initial_height: "1", app_hash: "", app_state: exported.appState as never });
    try {
      await again.block([]);
      expect(again.app.exportAppState().appState).toEqual(exported.appState);
    } finally {
      await again.stop();
    }
  });
});
