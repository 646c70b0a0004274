import { expect, test, type Page } from "@playwright/test";
import { DEMO_PATIENTS } from "@precision/db/seed";
import { connectPrecisionClient } from "@precision/client";
import { chainRpcUrl } from "./chain.ts";
import { registerWearable, signedReading } from "./device.ts";
import { fillSignIn, password, signInAs } from "./fixtures.ts";

// A generated demo patient no other test file touches: this file takes their key into the browser.
const patient = DEMO_PATIENTS[10]!;
const PASSPHRASE = "correct horse battery staple";
const RIVERBEND = "Riverbend General Hospital – Heart & Vascular Institute";

async function signInAsPatient(page: Page) {
  await page.goto("/signin");
  await fillSignIn(page, patient.email, password);
  await expect(page).toHaveURL(/\/patient$/);
}

/** A second device: the patient restores their key from the recovery phrase. */
async function restore(page: Page, words: string) {
  await signInAsPatient(page);
  await page.getByLabel("Restore from your recovery phrase").fill(words);
  await page.getByLabel("Passphrase for this browser").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Restore my key" }).click();
  await expect(page.getByTestId("patient-app")).toBeVisible({ timeout: 20_000 });
}

test.describe.serial("the patient's own area, with the key in the browser", () => {
  let words = "";

  test("receives the recovery phrase once, keeps the key in the browser and reads their records decrypted there", async ({ page }) => {
    await signInAsPatient(page);
    await page.getByRole("button", { name: "Receive my recovery phrase" }).click();
    words = (await page.getByTestId("recovery-words").textContent())!.trim();
    expect(words.split(/\s+/)).toHaveLength(24);
    await page.getByLabel("Passphrase for this browser").fill(PASSPHRASE);
    await page.getByRole("button", { name: /keep my key here/ }).click();
    await expect(page.getByTestId("patient-app")).toBeVisible({ timeout: 20_000 });
    // The newest records are the wearable's heart-rate readings, decrypted in this browser.
    await expect(page.getByTestId("own-timeline").getByTestId("decrypted").first()).toContainText(/Heart rate: \d+ \/min/, { timeout: 30_000 });
    const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("precision.keystore.")).map(([, v]) => v).join(""));
    expect(stored).toContain("ciphertext");
    expect(stored).not.toContain(words.split(" ").slice(0, 2).join(" "));
    // Handed over once: the server no longer holds it.
    expect((await page.request.post("/api/patient/key", { data: { action: "reveal-demo" } })).status()).toBe(404);

    await page.reload();
    await page.getByLabel("Passphrase").fill("not my passphrase");
    await page.getByRole("button", { name: "Unlock" }).click();
    await expect(page.getByTestId("patient-error")).toHaveText("Wrong passphrase.");
    await page.getByLabel("Passphrase").fill(PASSPHRASE);
    await page.getByRole("button", { name: "Unlock" }).click();
    await expect(page.getByTestId("patient-app")).toBeVisible({ timeout: 20_000 });
  });

  test("a phrase of another account is refused on restore", async ({ page }) => {
    await signInAsPatient(page);
    await page.getByLabel("Restore from your recovery phrase").fill("abandon ".repeat(23) + "art");
    await page.getByLabel("Passphrase for this browser").fill(PASSPHRASE);
    await page.getByRole("button", { name: "Restore my key" }).click();
    await expect(page.getByTestId("patient-error")).toContainText("belongs to another account");
  });

  test("grants the cardiologists 24 h on vitals and labs; the clinician sees the merged timeline, then nothing once revoked; every read is in the patient's log", async ({ page, browser }) => {
    await restore(page, words);
    await page.getByLabel("Organisation").selectOption({ label: RIVERBEND });
    await page.getByRole("button", { name: "Grant access" }).click();
    await expect(page.getByTestId("patient-ok")).toHaveText("Access granted.", { timeout: 30_000 });
    const grant = page.getByTestId("grant-list").locator("li", { hasText: RIVERBEND }).filter({ has: page.getByRole("button", { name: "Revoke" }) });
    await expect(grant).toContainText("Vitals, Labs");

    const clinician = await (await browser.newContext()).newPage();
    await signInAs(clinician, "CLINICIAN");
    await expect(async () => {
      await clinician.goto(`/clinician?q=${encodeURIComponent(patient.name)}`);
      await clinician.getByTestId("patient-link").filter({ hasText: patient.name }).click({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    const lab = clinician.locator('[data-testid="record-link"][data-record^="lab-"]').first();
    await expect(lab).toBeVisible();
    await expect(clinician.locator('[data-record^="pharmacy-"]')).toHaveCount(0);
    const labId = (await lab.getAttribute("data-record"))!;
    await lab.click();
    await expect(clinician.getByTestId("record-json")).toContainText("laboratory");

    await expect(page.getByTestId("access-log")).toContainText("Dr. Priya Raman", { timeout: 30_000 });
    await expect(page.getByTestId("access-log")).toContainText(labId);

    await grant.getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByTestId("patient-ok")).toHaveText("Access revoked.", { timeout: 30_000 });
    await clinician.reload();
    await expect(clinician.getByTestId("record-denied")).toContainText("revoked");
    await page.screenshot({ path: "test-results/screenshots/patient-area.png", fullPage: true });
  });

  test("break-glass by a clinician shows in the patient's area", async ({ page, browser }) => {
    const clinician = await (await browser.newContext()).newPage();
    await signInAs(clinician, "CLINICIAN");
    await restore(page, words);
    const address = (await page.getByTestId("patient-app").getAttribute("data-address"))!;
    await clinician.goto(`/clinician/patients/${address}`);
    await clinician.getByLabel("Reason").selectOption("life-threatening-emergency");
    await clinician.getByRole("button", { name: "Break the glass" }).click();
    await expect(clinician.getByTestId("glass-broken")).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("break-glass-notices")).toContainText("Dr. Priya Raman", { timeout: 30_000 });
    await expect(page.getByTestId("break-glass-notices")).toContainText("life threatening emergency");
  });

  test("sets an emergency rule with its trigger, grantee, data, look-back and window, escrowing keys, and removes it", async ({ page }) => {
    await restore(page, words);
    const address = (await page.getByTestId("patient-app").getAttribute("data-address"))!;
    const form = page.getByRole("form", { name: "New emergency rule" });
    await form.getByLabel("When my wearable detects").selectOption("ecg.bradycardia");
    await form.getByLabel("Give access to").selectOption({ label: RIVERBEND });
    await form.getByLabel("Labs", { exact: true }).check();
    await form.getByLabel("From", { exact: true }).selectOption({ label: "the last year" });
    await form.getByLabel("For", { exact: true }).selectOption({ label: "4 hours" });
    await form.getByRole("button", { name: "Save rule" }).click();
    await expect(page.getByTestId("patient-ok")).toHaveText("Emergency rule saved.", { timeout: 30_000 });
    const item = page.getByTestId("rule-list").locator("li", { hasText: "Bradycardia" });
    await expect(item).toContainText("reads Vitals, Labs from the last year for 4 hours", { timeout: 20_000 });

    const { query, disconnect } = await connectPrecisionClient(chainRpcUrl());
    try {
      const [rule] = (await query.access.emergencyRules(address)).filter((r) => r.triggerCode === "ecg.bradycardia");
      expect(rule).toMatchObject({ granteeOrganizationId: "riverbend-heart-vascular", lookBackSeconds: 365n * 86_400n, durationSeconds: 4n * 3_600n, active: true });
      // The keys of the vitals and labs in reach were wrapped to the hospital in the browser.
      expect(rule!.keys.length).toBeGreaterThan(0);
      await item.getByRole("button", { name: "Remove" }).click();
      await expect(page.getByTestId("patient-ok")).toHaveText("Emergency rule removed.", { timeout: 30_000 });
      await expect(item).toContainText("removed", { timeout: 20_000 });
      expect((await query.access.emergencyRules(address)).find((r) => r.id === rule!.id)?.active).toBe(false);
    } finally {
      disconnect();
    }
  });

  test("readings from the patient's wearable are stored for them and join their record when their browser anchors them, keys escrowed with their rule", async ({ page, request }) => {
    await restore(page, words);
    const address = (await page.getByTestId("patient-app").getAttribute("data-address"))!;
    // A rule set before the readings arrive: their keys are escrowed with it as they are anchored.
    const form = page.getByRole("form", { name: "New emergency rule" });
    await form.getByLabel("Give access to").selectOption({ label: RIVERBEND });
    await form.getByRole("button", { name: "Save rule" }).click();
    await expect(page.getByTestId("patient-ok")).toHaveText("Emergency rule saved.", { timeout: 30_000 });
    await expect(page.getByTestId("rule-list").locator("li", { hasText: "Atrial fibrillation" }).getByRole("button", { name: "Remove" })).toBeVisible({ timeout: 20_000 });
    const device = await registerWearable("pulsepatch-e2e-10", address);
    const observedAt = Math.floor(Date.now() / 1000);
    const heartRate = {
      resourceType: "Observation",
      status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }],
      code: { coding: [{ system: "http://loinc.org", code: "8867-4", display: "Heart rate" }] },
      subject: { reference: `Patient/${address}` },
      effectiveDateTime: new Date(observedAt * 1000).toISOString(),
      valueQuantity: { value: 63, unit: "/min", system: "http://unitsofmeasure.org", code: "/min" },
    };
    const { body, signature } = signedReading(device, heartRate, 1, observedAt);
    const posted = await request.post(`/api/devices/${device.id}/observations`, { data: body, headers: { "x-device-signature": signature, "content-type": "application/json" } });
    expect(posted.status()).toBe(202);
    const recordId = posted.headers()["x-precision-record-id"]!;

    await expect(page.getByTestId("readings-status")).toHaveText("Added 1 reading from your wearable to your record.", { timeout: 30_000 });
    const entry = page.getByTestId("own-timeline").locator(`[data-record="${recordId}"]`);
    await expect(entry).toContainText("Heart rate: 63 /min", { timeout: 30_000 });
    const { query, disconnect } = await connectPrecisionClient(chainRpcUrl());
    try {
      // Anchored by the patient, with only the patient's key: the portal cannot read it.
      const anchored = await query.records.record(recordId);
      expect(anchored).toMatchObject({ author: address, patient: address, authorOrganizationId: "" });
      expect(anchored.keys.map((k) => k.recipient)).toEqual([address]);
      const [rule] = (await query.access.emergencyRules(address)).filter((r) => r.active && r.triggerCode === "ecg.afib");
      expect(rule!.keys.map((k) => k.recordId)).toContain(recordId);
    } finally {
      disconnect();
    }
  });
});
