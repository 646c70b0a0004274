import { DEMO_PASSWORD_DEFAULT, DEMO_USERS } from "@precision/db/seed";
import { expect, type Page } from "@playwright/test";
import { e2eEnv } from "./env.ts";

export const password = e2eEnv().demoPassword ?? DEMO_PASSWORD_DEFAULT;

export const ROLE_AREAS = {
  CLINICIAN: "/clinician",
  PATIENT: "/patient",
  RESEARCHER: "/researcher",
  PAYER: "/payer",
  SUPPLY: "/supply",
  ADMIN: "/admin",
} as const;

export type RoleName = keyof typeof ROLE_AREAS;

/** The first demo person of each role. */
export function demoUser(role: RoleName) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`the demo seed has no ${role} user`);
  return user;
}

/** Accounts the global setup creates for tests that change account state. */
export const LOCKOUT_EMAIL = "e2e.lockout@precision.test";
export const DISABLED_EMAIL = "e2e.disabled@precision.test";
export const CALLBACK_EMAIL_ROLE: RoleName = "RESEARCHER";

export async function fillSignIn(page: Page, email: string, pw: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(pw);
  // Wait for the server action's answer, so back-to-back attempts never overlap.
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/signin",
  );
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

/** The sign-in form's error summary. */
export const formError = (page: Page) => page.locator("#signin-error");

export async function signInAs(page: Page, role: RoleName) {
  await page.goto("/signin");
  await fillSignIn(page, demoUser(role).email, password);
  await expect(page).toHaveURL(new RegExp(`${ROLE_AREAS[role]}$`));
}

export const SESSION_COOKIE = "authjs.session-token";
