import { createPrismaClient } from "@precision/db";
import { expect, test } from "@playwright/test";
import { e2eEnv } from "./env.ts";
import {
  demoUser,
  DISABLED_EMAIL,
  fillSignIn,
  formError,
  LOCKOUT_EMAIL,
  password,
  ROLE_AREAS,
  SESSION_COOKIE,
  signInAs,
} from "./fixtures.ts";

const GENERIC = "Email or password is incorrect.";

async function signInEvents(email: string) {
  const prisma = createPrismaClient(e2eEnv().databaseUrl);
  try {
    return await prisma.signInEvent.findMany({ where: { email }, orderBy: { createdAt: "asc" } });
  } finally {
    await prisma.$disconnect();
  }
}

test("signed-out visit redirects to /signin with callbackUrl and returns there after sign-in", async ({
  page,
}) => {
  const res = await page.request.get("/researcher", { maxRedirects: 0 });
  expect(res.status()).toBeGreaterThanOrEqual(300);
  expect(res.status()).toBeLessThan(400);

  await page.goto("/researcher");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fresearcher$/);
  await expect(page.getByText("Sign in to continue to /researcher.")).toBeVisible();
  await fillSignIn(page, demoUser("RESEARCHER").email, password);
  await expect(page).toHaveURL(/\/researcher$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(demoUser("RESEARCHER").name);
});

test("/ sends a signed-out visitor to /signin and a signed-in one to their area", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  await signInAs(page, "PAYER");
  await page.goto("/");
  await expect(page).toHaveURL(/\/payer$/);
});

test("wrong password shows the generic error and is recorded", async ({ page }) => {
  const email = demoUser("CLINICIAN").email;
  const before = (await signInEvents(email)).length;
  await page.goto("/signin");
  await fillSignIn(page, email, `${password}-wrong`);
  await expect(formError(page)).toContainText(GENERIC);
  await expect(page).toHaveURL(/\/signin/);
  const events = await signInEvents(email);
  expect(events.length).toBe(before + 1);
  expect(events.at(-1)).toMatchObject({ success: false, reason: "wrong_password" });
  // A later correct sign-in clears the failure count.
  await fillSignIn(page, email, password);
  await expect(page).toHaveURL(/\/clinician$/);
});

test("unknown user gets exactly the same generic error", async ({ page }) => {
  const email = `nobody-${Date.now()}@precision.test`;
  await page.goto("/signin");
  await fillSignIn(page, email, "whatever-password");
  await expect(formError(page)).toContainText(GENERIC);
  const events = await signInEvents(email);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ success: false, reason: "unknown_user", userId: null });
});

test("empty fields show clear messages without a database lookup", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  const email = page.getByLabel("Email");
  const pw = page.getByLabel("Password");
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAttribute("aria-describedby", "email-error");
  await expect(pw).toHaveAttribute("aria-invalid", "true");
});

test("oversized email and password show clear messages", async ({ page }) => {
  const longEmail = `${"a".repeat(260)}@precision.test`;
  await page.goto("/signin");
  await fillSignIn(page, longEmail, "p".repeat(1025));
  await expect(page.getByText("Email address must be at most 254 characters.")).toBeVisible();
  await expect(page.getByText("Password must be at most 1024 characters.")).toBeVisible();
  expect(await signInEvents(longEmail.toLowerCase())).toHaveLength(0);
});

test("five consecutive failures lock the account for 15 minutes", async ({ page }) => {
  await page.goto("/signin");
  for (let i = 1; i <= 4; i++) {
    await fillSignIn(page, LOCKOUT_EMAIL, `wrong-${i}`);
    await expect(formError(page)).toContainText(GENERIC);
  }
  await fillSignIn(page, LOCKOUT_EMAIL, "wrong-5");
  await expect(formError(page)).toContainText("locked for 15 minutes");
  // Even the right password is refused while locked.
  await fillSignIn(page, LOCKOUT_EMAIL, password);
  await expect(formError(page)).toContainText("locked for 15 minutes");
  await expect(page).toHaveURL(/\/signin/);
  const reasons = (await signInEvents(LOCKOUT_EMAIL)).map((e) => e.reason);
  expect(reasons.slice(-6)).toEqual([
    "wrong_password",
    "wrong_password",
    "wrong_password",
    "wrong_password",
    "wrong_password_locked",
    "locked",
  ]);
});

test("a disabled account cannot sign in", async ({ page }) => {
  await page.goto("/signin");
  await fillSignIn(page, DISABLED_EMAIL, password);
  await expect(formError(page)).toContainText("This account is disabled");
  await expect(page).toHaveURL(/\/signin/);
});

for (const [label, mutate] of [
  ["tampered", (v: string) => `${v.slice(0, -8)}${v.slice(-8).split("").reverse().join("")}x`],
  ["garbage", () => "not-a-jwe"],
] as const) {
  test(`a ${label} session cookie is treated as signed out, never a 500`, async ({
    page,
    context,
    baseURL,
  }) => {
    await signInAs(page, "PATIENT");
    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie, "session cookie after sign-in").toBeDefined();
    await context.clearCookies();
    await context.addCookies([{ ...cookie!, value: mutate(cookie!.value) }]);

    const res = await page.request.get(ROLE_AREAS.PATIENT, { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers()["location"]).toContain("/signin?callbackUrl=%2Fpatient");
    const session = await page.request.get(`${baseURL}/api/auth/session`);
    expect(session.status()).toBeLessThan(500);

    const nav = await page.goto(ROLE_AREAS.PATIENT);
    expect(nav?.status()).toBe(200);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpatient$/);
  });
}

test("sign-out ends the session", async ({ page }) => {
  await signInAs(page, "SUPPLY");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  await expect(page.getByText("You have been signed out.")).toBeVisible();
  const res = await page.request.get(ROLE_AREAS.SUPPLY, { maxRedirects: 0 });
  expect(res.status()).toBe(307);
});

test("responses carry the security headers", async ({ page }) => {
  const res = await page.request.get("/signin");
  const h = res.headers();
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-powered-by"]).toBeUndefined();
});

test("an unknown page is a 404 with a helpful page", async ({ page }) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
});

test("the sign-in page lists the demo sign-ins when PRECISION_DEMO=1", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Demo sign-ins" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: demoUser("ADMIN").email })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/signin.png", fullPage: true });
});

test("a browser visit to another role's area shows the 403 page", async ({ page }) => {
  await signInAs(page, "PAYER");
  const res = await page.goto(ROLE_AREAS.CLINICIAN);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "You don't have access to this area",
  );
  await page.screenshot({ path: "test-results/screenshots/forbidden.png" });
});
