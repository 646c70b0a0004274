import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { demoUser, ROLE_AREAS, signInAs, type RoleName } from "./fixtures.ts";

const roles = Object.keys(ROLE_AREAS) as RoleName[];

for (const role of roles) {
  test.describe.serial(`${role.toLowerCase()} area`, () => {
    let context: BrowserContext;
    let page: Page;

    test.beforeAll(async ({ browser }) => {
      context = await browser.newContext();
      page = await context.newPage();
    });
    test.afterAll(async () => {
      await context.close();
    });

    test(`${role.toLowerCase()} signs in and lands in ${ROLE_AREAS[role]}`, async () => {
      const user = demoUser(role);
      await signInAs(page, role);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${user.name}`);
      await expect(page.getByTestId("signed-in-user").first()).toHaveText(user.name);
      if (role === "CLINICIAN") {
        await expect(page.getByRole("heading", { name: "Patients who granted you access" })).toBeVisible();
        await expect(page.getByTestId("alerts-inbox")).toBeVisible();
      } else if (role === "PATIENT") {
        await expect(page.getByRole("heading", { name: /Your key|Unlock your key/ })).toBeVisible();
      } else {
        // Seeded title and organisation, not placeholder text.
        await expect(page.getByText(user.title, { exact: true }).first()).toBeVisible();
        await expect(page.getByRole("heading", { name: "What this area will hold" })).toBeVisible();
      }
      await expect(page.getByTestId("chain-status").first()).toHaveText(
        /^(Chain offline|\S+ · height \d+)$/,
      );
      await expect(page.getByRole("main")).not.toContainText(/lorem ipsum/i);
      await page.screenshot({
        path: `test-results/screenshots/${role.toLowerCase()}.png`,
        fullPage: true,
      });
    });

    for (const other of roles.filter((r) => r !== role)) {
      test(`${role.toLowerCase()} gets 403 at ${ROLE_AREAS[other]}`, async () => {
        const res = await page.request.get(ROLE_AREAS[other], { maxRedirects: 0 });
        expect(res.status()).toBe(403);
        expect(await res.text()).toContain("have access to this area");
      });
    }
  });
}

test("the admin area lists organisations and people from the database", async ({ page }) => {
  await signInAs(page, "ADMIN");
  const orgs = page.getByRole("table", { name: /Organisations \(\d+\)/ });
  const people = page.getByRole("table", { name: /People \(\d+\)/ });
  await expect(orgs).toBeVisible();
  await expect(people).toBeVisible();
  for (const role of roles) {
    await expect(
      people.getByRole("rowheader", { name: demoUser(role).name, exact: true }),
    ).toBeVisible();
  }
  await expect(orgs.getByRole("columnheader", { name: "Identifiers" })).toBeVisible();
  expect(await orgs.locator("tbody tr").count()).toBeGreaterThan(1);
});

test("the supply area shows the trading role from the organisation type", async ({ page }) => {
  await signInAs(page, "SUPPLY");
  await expect(page.getByTestId("trading-role").first()).toHaveText(
    /^(Manufacturer|Distributor|Pharmacy \(dispenser\)|Carrier)$/,
  );
});

test("the mobile menu opens and shows the sign-out control", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signInAs(page, "PATIENT");
  const toggle = page.getByRole("button", { name: "Menu" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("navigation", { name: "Main (mobile)" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/patient-mobile-menu.png" });
  await page.keyboard.press("Escape");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
});

test("keyboard users can skip to the main content", async ({ page }) => {
  await signInAs(page, "RESEARCHER");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});
