import { expect, test } from "@playwright/test";
import { accessMessageComposer, grantKeysFor, recordClassOf } from "@precision/client";
import { clinicalHistory, DEMO_PATIENTS } from "@precision/db/seed";
import { Purpose, RecordClass } from "@precision/proto";
import { demoUser, signInAs } from "./fixtures.ts";
import { patientActor, type PatientActor } from "./patient-key.ts";

const ORG = "riverbend-heart-vascular";
const second = DEMO_PATIENTS.find((p) => p.email !== demoUser("PATIENT").email && p.role === "PATIENT")!;

/** The demo history's record ids by class (ids are deterministic; dates follow the chain's genesis). */
function idsByClass(address: string, index: number) {
  const out = new Map<string, string[]>();
  for (const r of clinicalHistory(DEMO_PATIENTS[index]!, address, new Date())) {
    const c = RecordClass[recordClassOf(r.resource as { resourceType: string })!]!.replace("RECORD_CLASS_", "");
    out.set(`${r.source}:${c}`, [...(out.get(`${r.source}:${c}`) ?? []), r.id]);
  }
  return out;
}

test.describe.serial("clinician views against the real node, vault and indexer", () => {
  let patient: PatientActor;
  let grantId: bigint;

  test.beforeAll(async () => {
    // A patient this file alone grants and revokes (the FHIR API tests use the first one).
    patient = await patientActor(second.email);
  });
  test.afterAll(() => patient?.disconnect());

  test("a patient's 24 h grant on vitals and labs puts them on the clinician's list, with a merged timeline that hides the rest", async ({ page }) => {
    const address = patient.key.address;
    await signInAs(page, "CLINICIAN");
    await expect(page.getByTestId("patient-link").filter({ hasText: second.name })).toHaveCount(0);

    const org = await patient.query.identity.organization(ORG);
    const inScope = [...(await patient.query.records.recordsByPatient(address, RecordClass.RECORD_CLASS_VITALS)).records, ...(await patient.query.records.recordsByPatient(address, RecordClass.RECORD_CLASS_LABS)).records];
    const granted = await patient.client.signAndBroadcast(address, [accessMessageComposer.grantAccess({ patient: address, granteeOrganizationId: ORG, purpose: Purpose.PURPOSE_TREAT, scope: { classes: [RecordClass.RECORD_CLASS_VITALS, RecordClass.RECORD_CLASS_LABS] }, end: { seconds: BigInt(Math.floor(Date.now() / 1000) + 86_400), nanos: 0 }, keys: await grantKeysFor(inScope, address, patient.key.privateKey, org.encryptionPublicKey) })], "auto");
    expect(granted.code).toBe(0);
    grantId = BigInt(granted.events.find((e) => e.type === "precision.access.v1.EventAccessGranted")!.attributes.find((a) => a.key === "grant_id")!.value.replaceAll('"', ""));

    await expect(async () => {
      await page.goto(`/clinician?q=${encodeURIComponent(second.name.split(" ")[0]!)}`);
      await expect(page.getByTestId("patient-link").filter({ hasText: second.name })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await page.getByTestId("patient-link").filter({ hasText: second.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: second.name })).toBeVisible();
    await expect(page.getByTestId("access-banner")).toContainText("Vitals, Labs");

    const ids = idsByClass(address, second.index);
    await expect(page.locator(`[data-record="${ids.get("lab:LABS")![0]}"]`)).toBeVisible();
    await expect(page.locator(`[data-record="${ids.get("practice:VITALS")![0]}"]`)).toBeVisible();
    await expect(page.locator(`[data-record="${ids.get("wearable:VITALS")![0]}"]`)).toBeVisible();
    // Riverbend's own emergency-visit chart stays readable to it; the practice's problems and the
    // pharmacy's dispensing are outside the grant and stay hidden.
    await expect(page.locator(`[data-record="${ids.get("hospital:NOTES")![0]}"]`)).toBeVisible();
    await expect(page.locator(`[data-record="${ids.get("practice:CONDITIONS")![0]}"]`)).toHaveCount(0);
    await expect(page.locator(`[data-record="${ids.get("pharmacy:MEDICATIONS")![0]}"]`)).toHaveCount(0);
    await expect(page.getByTestId("vitals-chart")).toContainText("Heart rate", { timeout: 30_000 });
    await page.screenshot({ path: "test-results/screenshots/clinician-timeline.png", fullPage: true });

    await page.locator(`[data-record="${ids.get("lab:LABS")![0]}"]`).click();
    await expect(page.getByTestId("record-json")).toContainText('"resourceType": "Observation"');
    await expect(page.getByTestId("record-json")).toContainText("laboratory");
  });

  test("the clinician adds a measurement, and a bad value gets a clear message", async ({ page }) => {
    await signInAs(page, "CLINICIAN");
    await page.goto(`/clinician/patients/${patient.key.address}`);
    await page.getByLabel("What to add").selectOption("heart-rate");
    await page.getByLabel("Value (for a measurement)").fill("999");
    await page.getByRole("button", { name: "Add to the record" }).click();
    await expect(page.getByTestId("form-error")).toContainText("Heart rate must be a number from 20 to 300");
    await page.getByLabel("Value (for a measurement)").fill("77");
    await page.getByRole("button", { name: "Add to the record" }).click();
    await expect(page.getByTestId("form-ok")).toContainText("Added to the record", { timeout: 20_000 });
  });

  test("revocation takes the patient's shared records away at once, with a clear message", async ({ page }) => {
    const address = patient.key.address;
    const ids = idsByClass(address, second.index);
    const revoked = await patient.client.signAndBroadcast(address, [accessMessageComposer.revokeAccess({ patient: address, grantId })], "auto");
    expect(revoked.code).toBe(0);
    await signInAs(page, "CLINICIAN");
    // The vault asks the chain, so the record is denied the moment the revocation is in a block.
    await page.goto(`/clinician/patients/${address}/records/${ids.get("lab:LABS")![0]}`);
    await expect(page.getByTestId("record-denied")).toContainText("revoked");
    await expect(async () => {
      await page.goto(`/clinician/patients/${address}`);
      await expect(page.getByTestId("no-access")).toContainText("revoked your access", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.locator(`[data-record="${ids.get("lab:LABS")![0]}"]`)).toHaveCount(0);
  });

  test("break-glass opens every record for the fixed window, and needs a coded reason", async ({ page }) => {
    const third = DEMO_PATIENTS[5]!;
    const actor = await patientActor(third.email);
    try {
      await signInAs(page, "CLINICIAN");
      await page.goto(`/clinician/patients/${actor.key.address}`);
      await expect(page.getByTestId("no-access")).toBeVisible();
      await page.getByLabel("Reason").selectOption("patient-unresponsive");
      await page.getByRole("button", { name: "Break the glass" }).click();
      await expect(page.getByTestId("glass-broken")).toBeVisible({ timeout: 20_000 });
      const ids = idsByClass(actor.key.address, third.index);
      await expect(async () => {
        await page.reload();
        await expect(page.locator(`[data-record="${ids.get("practice:CONDITIONS")![0]}"]`)).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await expect(page.getByTestId("access-banner")).toContainText("Break-glass");
      // The patient gave this grant no keys; the practice and the lab, which wrote these records,
      // release theirs to it, so the clinician reads them decrypted.
      const condition = ids.get("practice:CONDITIONS")![0]!;
      await page.locator(`[data-record="${condition}"]`).click();
      await expect(page.getByTestId("record-json")).toContainText('"resourceType": "Condition"', { timeout: 30_000 });
      await page.goto(`/clinician/patients/${actor.key.address}/records/${ids.get("lab:LABS")![0]}`);
      await expect(page.getByTestId("record-json")).toContainText("laboratory");
      const [glass] = (await actor.query.access.grantsByPatient(actor.key.address)).grants;
      expect(glass).toMatchObject({ reason: "patient-unresponsive", organizationId: ORG });
      const keyed = glass!.keys.map((k) => k.recordId);
      expect(keyed).toEqual(expect.arrayContaining([condition, ids.get("lab:LABS")![0], ids.get("pharmacy:MEDICATIONS")![0]]));
      // Records the patient's own device wrote have no organisation to release them.
      expect(keyed).not.toContain(ids.get("wearable:VITALS")![0]);
    } finally {
      actor.disconnect();
    }
  });
});
