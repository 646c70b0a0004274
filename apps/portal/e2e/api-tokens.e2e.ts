import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures.ts";

test("a personal API token made in the portal calls the FHIR API as its owner until it is revoked", async ({ page, playwright, baseURL }) => {
  await signInAs(page, "CLINICIAN");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/tokens$/);
  await page.getByLabel("Name").fill("EHR integration");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^prec_pat_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("row", { name: /EHR integration/ })).toBeVisible();

  const api = await playwright.request.newContext({ baseURL });
  try {
    // No cookies here: only the token speaks for the clinician.
    const consent = await api.get("/api/fhir/Consent?patient=prec1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnjl438u", { headers: { authorization: `Bearer ${token}` } });
    expect(consent.status()).toBe(200);
    expect(((await consent.json()) as { resourceType: string }).resourceType).toBe("Bundle");
    const forged = await api.get("/api/fhir/Consent?patient=prec1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnjl438u", { headers: { authorization: `Bearer ${token.slice(0, -2)}xx` } });
    expect(forged.status()).toBe(401);
    expect(((await forged.json()) as { issue: { code: string }[] }).issue[0]!.code).toBe("security");

    await page.getByRole("button", { name: "Revoke EHR integration" }).click();
    await expect(page.getByRole("row", { name: /EHR integration/ })).toContainText("Revoked");
    const revoked = await api.get("/api/fhir/Consent?patient=prec1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnjl438u", { headers: { authorization: `Bearer ${token}` } });
    expect(revoked.status()).toBe(401);
  } finally {
    await api.dispose();
  }
});
