import { expect, test } from "@playwright/test";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { accessMessageComposer, grantKeysFor } from "@precision/client";
import { DEMO_PATIENTS } from "@precision/db/seed";
import { RecordClass } from "@precision/proto";
import { registerWearable, signedReading, type Wearable } from "./device.ts";
import { signInAs } from "./fixtures.ts";
import { patientActor, type PatientActor } from "./patient-key.ts";

const patientDemo = DEMO_PATIENTS[12]!;
const DEVICE = "pulsepatch-e2e-12";
const ORG = "riverbend-heart-vascular";
const WINDOW_SECONDS = 25n;
let device: Wearable;

function reading(address: string, sequence: number, abnormal: boolean) {
  const observedAt = Math.floor(Date.now() / 1000);
  const observation = {
    resourceType: "Observation",
    status: "final",
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }],
    code: { coding: [{ system: "http://loinc.org", code: "8601-7", display: "EKG impression" }] },
    subject: { reference: `Patient/${address}` },
    effectiveDateTime: new Date(observedAt * 1000).toISOString(),
    valueCodeableConcept: { coding: [{ system: "http://snomed.info/sct", code: abnormal ? "49436004" : "64730000", display: abnormal ? "Atrial fibrillation" : "Normal sinus rhythm" }] },
    device: { display: "PulsePatch ECG wearable" },
  };
  return signedReading(device, observation, sequence, observedAt, abnormal ? "ecg.afib" : undefined);
}

test.describe.serial("a wearable alert opens the patient's emergency rule", () => {
  let patient: PatientActor;

  test.beforeAll(async () => {
    patient = await patientActor(patientDemo.email);
    device = await registerWearable(DEVICE, patient.key.address);
    // The patient's rule, set in advance with their vitals' keys escrowed for the hospital.
    const org = await patient.query.identity.organization(ORG);
    const vitals = (await patient.query.records.recordsByPatient(patient.key.address, RecordClass.RECORD_CLASS_VITALS)).records;
    const rule = await patient.client.signAndBroadcast(patient.key.address, [accessMessageComposer.setEmergencyRule({ patient: patient.key.address, triggerCode: "ecg.afib", granteeOrganizationId: ORG, classes: [RecordClass.RECORD_CLASS_VITALS], lookBackSeconds: 60n * 86_400n, durationSeconds: WINDOW_SECONDS, keys: await grantKeysFor(vitals, patient.key.address, patient.key.privateKey, org.encryptionPublicKey) })], "auto");
    expect(rule.code).toBe(0);
  });
  test.afterAll(() => patient?.disconnect());

  test("readings must be signed by the registered device and be valid FHIR about its patient", async ({ request }) => {
    const { body, signature } = reading(patient.key.address, 1, false);
    expect((await request.post(`/api/devices/${DEVICE}/observations`, { data: body, headers: { "content-type": "application/json" } })).status()).toBe(401);
    const forged = Buffer.from(secp256k1.sign(sha256(new TextEncoder().encode(body)), secp256k1.utils.randomSecretKey(), { prehash: false, lowS: true, format: "compact" })).toString("base64");
    expect((await request.post(`/api/devices/${DEVICE}/observations`, { data: body, headers: { "x-device-signature": forged, "content-type": "application/json" } })).status()).toBe(401);
    expect((await request.post(`/api/devices/not-a-device-1/observations`, { data: body, headers: { "x-device-signature": signature, "content-type": "application/json" } })).status()).toBe(404);
    const other = reading("prec1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnjl438u", 1, false);
    const notTheirs = await request.post(`/api/devices/${DEVICE}/observations`, { data: other.body, headers: { "x-device-signature": other.signature, "content-type": "application/json" } });
    expect(notTheirs.status()).toBe(422);
    const normal = await request.post(`/api/devices/${DEVICE}/observations`, { data: body, headers: { "x-device-signature": signature, "content-type": "application/json" } });
    expect(normal.status()).toBe(202);
    expect(normal.headers()["x-precision-alert-id"]).toBeUndefined();
    // Stored encrypted for the patient, once: the same signed reading again is a replay.
    expect(normal.headers()["x-precision-record-id"]).toMatch(/^rd-[0-9a-f]{40}$/);
    expect((await request.post(`/api/devices/${DEVICE}/observations`, { data: body, headers: { "x-device-signature": signature, "content-type": "application/json" } })).status()).toBe(409);
    const noCounter = signedReading(device, JSON.parse(body).observation, 0, Math.floor(Date.now() / 1000));
    expect((await request.post(`/api/devices/${DEVICE}/observations`, { data: noCounter.body, headers: { "x-device-signature": noCounter.signature, "content-type": "application/json" } })).status()).toBe(400);
  });

  test("an abnormal rhythm raises the alert: the cardiologist's inbox shows it live, the window works, then closes", async ({ page, request }) => {
    test.setTimeout(90_000);
    await signInAs(page, "CLINICIAN");
    await expect(page.getByTestId("alerts-inbox")).toBeVisible();
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    const { body, signature } = reading(patient.key.address, 2, true);
    const raised = await request.post(`/api/devices/${DEVICE}/observations`, { data: body, headers: { "x-device-signature": signature, "content-type": "application/json" } });
    expect(raised.status()).toBe(202);
    expect(raised.headers()["x-precision-alert-id"]).toBe(`${DEVICE}-2`);
    const replay = await request.post(`/api/devices/${DEVICE}/observations`, { data: body, headers: { "x-device-signature": signature, "content-type": "application/json" } });
    expect(replay.status()).toBe(409);

    const item = page.getByTestId("alert-item").filter({ hasText: patientDemo.name });
    await expect(item).toContainText("Atrial fibrillation", { timeout: 20_000 });
    await expect(item).toContainText("Emergency access until");
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    await item.getByRole("link", { name: patientDemo.name }).click();
    await expect(page.getByTestId("access-banner")).toContainText("Emergency");
    const vital = page.locator('[data-testid="record-link"][data-record^="wearable-"]').first();
    const recordId = (await vital.getAttribute("data-record"))!;
    await vital.click();
    await expect(page).toHaveURL(new RegExp(`/records/${recordId}$`));
    await expect(page.getByTestId("record-json")).toContainText("Heart rate");

    // The window is the rule's 25 s: afterwards the vault refuses and the inbox says it closed.
    await page.waitForTimeout(Number(WINDOW_SECONDS) * 1000 + 2_000);
    await page.reload();
    await expect(page.getByTestId("record-denied")).toContainText("expired");
    await page.goto("/clinician");
    await expect(page.getByTestId("alert-item").filter({ hasText: patientDemo.name })).toContainText("Emergency access closed");
  });
});
