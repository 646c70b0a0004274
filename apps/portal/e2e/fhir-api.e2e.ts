import { expect, test, type APIRequestContext } from "@playwright/test";
import { accessMessageComposer, encryptRecord, grantKeysFor, recordsMessageComposer, vaultLocator, wrapKey } from "@precision/client";
import { Purpose, RecordClass } from "@precision/proto";
import { demoUser, signInAs } from "./fixtures.ts";
import { patientActor, type PatientActor } from "./patient-key.ts";

const CLINICIAN_ORG = "riverbend-heart-vascular";
const PATIENT_EMAIL = demoUser("PATIENT").email;

function heartRate(patient: string, bpm: number) {
  return {
    resourceType: "Observation",
    status: "final",
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }],
    code: { coding: [{ system: "http://loinc.org", code: "8867-4", display: "Heart rate" }] },
    subject: { reference: `Patient/${patient}` },
    effectiveDateTime: "2026-11-30T09:00:00Z",
    valueQuantity: { value: bpm, unit: "beats/minute", system: "http://unitsofmeasure.org", code: "/min" },
  };
}

async function outcome(res: Awaited<ReturnType<APIRequestContext["get"]>>) {
  const body = (await res.json()) as { resourceType: string; issue: { code: string; diagnostics?: string; expression?: string[] }[] };
  expect(body.resourceType).toBe("OperationOutcome");
  return body.issue;
}

test.describe.serial("FHIR API against the real node, vault and indexer", () => {
  let patient: PatientActor;
  let address: string;
  let grantId: bigint;
  let created: string;
  let patientRecord: string;

  test.beforeAll(async () => {
    patient = await patientActor(PATIENT_EMAIL);
    address = patient.key.address;
  });

  test.afterAll(() => patient?.disconnect());

  test("callers must be signed in, and bad input gets an OperationOutcome", async ({ page, request }) => {
    const anonymous = await request.get(`/api/fhir/Observation?patient=${address}`);
    expect(anonymous.status()).toBe(401);
    expect((await outcome(anonymous))[0]!.code).toBe("login");

    await signInAs(page, "CLINICIAN");
    const api = page.request;
    const notJson = await api.post("/api/fhir/Observation", { data: "{nope", headers: { "content-type": "application/fhir+json" } });
    expect([notJson.status(), (await outcome(notJson))[0]!.code]).toEqual([400, "structure"]);
    const mismatch = await api.post("/api/fhir/Condition", { data: heartRate(address, 70) });
    expect(mismatch.status()).toBe(400);
    const invalid = await api.post("/api/fhir/Observation", { data: { resourceType: "Observation", status: "final", subject: { reference: `Patient/${address}` }, valueQuantity: { value: "fast" }, colour: "red" } });
    expect(invalid.status()).toBe(422);
    const issues = await outcome(invalid);
    expect(issues.map((i) => i.expression?.[0])).toEqual(expect.arrayContaining(["Observation.code", "Observation.colour"]));
    const noPatient = await api.post("/api/fhir/Observation", { data: { ...heartRate(address, 70), subject: { reference: "Patient/someone" } } });
    expect(noPatient.status()).toBe(422);
    const badType = await api.get(`/api/fhir/${encodeURIComponent("not a type")}?patient=${address}`);
    expect(badType.status()).toBe(400);
  });

  test("without a treatment grant a clinician cannot write for the patient", async ({ page }) => {
    await signInAs(page, "CLINICIAN");
    const res = await page.request.post("/api/fhir/Observation", { data: heartRate(address, 71) });
    expect(res.status()).toBe(403);
    expect((await outcome(res))[0]!.diagnostics).toContain("no live treatment relationship");
  });

  test("the patient grants the cardiology practice vitals and labs for 24 h; the clinician writes, reads and searches", async ({ page }) => {
    const end = { seconds: BigInt(Math.floor(Date.now() / 1000) + 86_400), nanos: 0 };
    // As the patient's browser does: the keys of the records in scope, re-wrapped to the practice.
    const org = await patient.query.identity.organization(CLINICIAN_ORG);
    const inScope = [...(await patient.query.records.recordsByPatient(address, RecordClass.RECORD_CLASS_VITALS)).records, ...(await patient.query.records.recordsByPatient(address, RecordClass.RECORD_CLASS_LABS)).records];
    const keys = await grantKeysFor(inScope, address, patient.key.privateKey, org.encryptionPublicKey);
    expect(keys.length).toBeGreaterThan(10);
    const granted = await patient.client.signAndBroadcast(address, [accessMessageComposer.grantAccess({ patient: address, granteeOrganizationId: CLINICIAN_ORG, purpose: Purpose.PURPOSE_TREAT, scope: { classes: [RecordClass.RECORD_CLASS_VITALS, RecordClass.RECORD_CLASS_LABS] }, end, keys })], "auto");
    expect(granted.code).toBe(0);
    grantId = BigInt(granted.events.find((e) => e.type === "precision.access.v1.EventAccessGranted")!.attributes.find((a) => a.key === "grant_id")!.value.replaceAll('"', ""));

    await signInAs(page, "CLINICIAN");
    const api = page.request;
    const post = await api.post("/api/fhir/Observation", { data: heartRate(address, 64) });
    expect(post.status()).toBe(201);
    created = post.headers()["x-precision-record-id"]!;
    expect(post.headers()["location"]).toBe(`/api/fhir/Observation/${created}`);
    expect(post.headers()["x-precision-tx-hash"]).toMatch(/^[0-9A-F]{64}$/);

    const read = await api.get(`/api/fhir/Observation/${created}`);
    expect(read.status()).toBe(200);
    expect(await read.json()).toMatchObject({ resourceType: "Observation", id: created, valueQuantity: { value: 64 } });

    const outOfScope = await api.post("/api/fhir/DocumentReference", { data: { resourceType: "DocumentReference", status: "current", subject: { reference: `Patient/${address}` }, content: [{ attachment: { contentType: "text/plain", data: "Tm90ZQ==" } }] } });
    expect(outOfScope.status()).toBe(403);

    await expect(async () => {
      const found = await api.get(`/api/fhir/Observation?patient=${address}&category=vital-signs&date=ge2020-01-01`);
      expect(found.status()).toBe(200);
      const bundle = (await found.json()) as { type: string; entry?: { resource: { id: string } }[] };
      expect(bundle.type).toBe("searchset");
      expect(bundle.entry?.map((e) => e.resource.id)).toContain(created);
    }).toPass({ timeout: 20_000 });
    // The grant covers labs too: the lab's results in the patient's history are readable now.
    const labs = (await (await api.get(`/api/fhir/Observation?patient=${address}&category=laboratory&_count=5`)).json()) as { total: number; entry: { resource: { category: { coding: { code: string }[] }[] } }[] };
    expect(labs.total).toBe(5);
    expect(labs.entry.every((e) => e.resource.category[0]!.coding[0]!.code === "laboratory")).toBe(true);
  });

  test("a record the patient wrote is readable once the patient adds the practice's key to the grant", async ({ page }) => {
    patientRecord = `own-${Date.now()}`;
    const resource = { ...heartRate(address, 88), id: patientRecord };
    const sealed = await encryptRecord(new TextEncoder().encode(JSON.stringify(resource)), { recordId: patientRecord });
    expect(await patient.uploadToVault(sealed.envelope, sealed.contentHash)).toBe(201);
    const hash = Uint8Array.from(Buffer.from(sealed.contentHash, "hex"));
    const anchored = await patient.client.signAndBroadcast(
      address,
      [recordsMessageComposer.anchorRecord({ author: address, id: patientRecord, patient: address, resourceType: "Observation", recordClass: RecordClass.RECORD_CLASS_VITALS, ciphertextSha256: hash, ciphertextSize: BigInt(sealed.envelope.length), vaultLocator: vaultLocator(hash), keys: [{ recipient: address, wrappedKey: await wrapKey(sealed.dataKey, patient.key.publicKey) }] })],
      "auto",
    );
    expect(anchored.code).toBe(0);

    await signInAs(page, "CLINICIAN");
    const noKey = await page.request.get(`/api/fhir/Observation/${patientRecord}`);
    expect(noKey.status()).toBe(403);
    expect((await outcome(noKey))[0]!.diagnostics).toContain("no key");

    // As the patient's browser does: re-wrap the record's key to the practice's public key.
    const org = await patient.query.identity.organization(CLINICIAN_ORG);
    const added = await patient.client.signAndBroadcast(address, [accessMessageComposer.addGrantKeys({ patient: address, grantId, keys: [{ recordId: patientRecord, wrappedKey: await wrapKey(sealed.dataKey, org.encryptionPublicKey) }] })], "auto");
    expect(added.code).toBe(0);
    const read = await page.request.get(`/api/fhir/Observation/${patientRecord}`);
    expect(read.status()).toBe(200);
    expect(await read.json()).toMatchObject({ id: patientRecord, valueQuantity: { value: 88 } });
  });

  test("the patient's consents and access log export as FHIR Consent and AuditEvent", async ({ page }) => {
    await signInAs(page, "CLINICIAN");
    await expect(async () => {
      const consents = (await (await page.request.get(`/api/fhir/Consent?patient=${address}`)).json()) as { entry: { resource: { id: string; status: string; provision: { purpose: { code: string }[]; actor: { reference: { reference: string } }[] } } }[] };
      const mine = consents.entry.find((e) => e.resource.id === `grant-${grantId}`)!.resource;
      expect(mine.status).toBe("active");
      expect(mine.provision.purpose[0]!.code).toBe("TREAT");
      expect(mine.provision.actor[0]!.reference.reference).toBe(`Organization/${CLINICIAN_ORG}`);
      const audit = (await (await page.request.get(`/api/fhir/AuditEvent?patient=${address}`)).json()) as { entry: { resource: { entity: { what: { identifier?: { value: string } } }[]; purposeOfEvent: { coding: { code: string }[] }[] } }[] };
      const reads = audit.entry.map((e) => e.resource.entity[1]!.what.identifier!.value);
      expect(reads).toContain(created);
    }).toPass({ timeout: 20_000 });

    const revoked = await patient.client.signAndBroadcast(address, [accessMessageComposer.revokeAccess({ patient: address, grantId })], "auto");
    expect(revoked.code).toBe(0);
    // The practice wrote `created`, so it keeps its own chart; the search of what the patient
    // shared under the grant is empty the moment the revocation is indexed.
    await expect(async () => {
      const consents = (await (await page.request.get(`/api/fhir/Consent?patient=${address}`)).json()) as { entry: { resource: { id: string; status: string } }[] };
      expect(consents.entry.find((e) => e.resource.id === `grant-${grantId}`)!.resource.status).toBe("inactive");
    }).toPass({ timeout: 20_000 });
    const denied = await page.request.get(`/api/fhir/Observation/${patientRecord}`);
    expect(denied.status()).toBe(403);
    expect((await outcome(denied))[0]!.diagnostics).toContain("revoked");
  });
});
