import { randomUUID } from "node:crypto";
import { createPrismaClient, hashPassword } from "@precision/db";
import { migrate } from "@precision/db/migrate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env.ts";
import { authenticate } from "./authenticate.ts";
import { db } from "./db.ts";

const run = randomUUID().slice(0, 8);
const PASSWORD = "correct horse battery staple";
const emails: string[] = [];

async function makeUser(label: string, opts: { disabled?: boolean } = {}) {
  const email = `int-${label}-${run}@precision.test`;
  emails.push(email);
  await db().user.create({
    data: {
      email,
      name: `Int ${label}`,
      role: "CLINICIAN",
      passwordHash: await hashPassword(PASSWORD),
      disabled: opts.disabled ?? false,
    },
  });
  return email;
}

const reasons = async (email: string) =>
  (await db().signInEvent.findMany({ where: { email }, orderBy: { createdAt: "asc" } })).map(
    (e) => e.reason,
  );

beforeAll(async () => {
  await migrate(env().DATABASE_URL);
});

afterAll(async () => {
  await db().signInEvent.deleteMany({ where: { email: { in: emails } } });
  await db().user.deleteMany({ where: { email: { in: emails } } });
  await db().$disconnect();
});

describe("authenticate (real PostgreSQL)", () => {
  it("signs in with the right password, case-insensitively, and records it", async () => {
    const email = await makeUser("ok");
    const result = await authenticate(email.toUpperCase(), PASSWORD);
    expect(result).toMatchObject({ ok: true, user: { email, role: "CLINICIAN", name: "Int ok" } });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.lastSignInAt).toBeInstanceOf(Date);
    expect(await reasons(email)).toEqual([null]);
  });

  it("answers an unknown email like a wrong password, after a real argon2 verify", async () => {
    const email = `int-nobody-${run}@precision.test`;
    emails.push(email);
    const started = performance.now();
    expect(await authenticate(email, PASSWORD)).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    // argon2id with the db package's parameters takes well over 5 ms; a skipped verify takes ~0.
    expect(performance.now() - started).toBeGreaterThan(5);
    expect(await reasons(email)).toEqual(["unknown_user"]);
  });

  it("locks on the fifth consecutive failure, refuses the right password while locked, then lets it in after 15 min", async () => {
    const email = await makeUser("lock");
    const t0 = new Date("2026-11-23T10:00:00Z");
    for (let i = 0; i < 4; i++)
      expect(await authenticate(email, `wrong-${i}`, t0)).toEqual({
        ok: false,
        code: "INVALID_CREDENTIALS",
      });
    expect(await authenticate(email, "wrong-4", t0)).toEqual({ ok: false, code: "ACCOUNT_LOCKED" });
    expect(
      (await db().user.findUniqueOrThrow({ where: { email } })).lockedUntil?.toISOString(),
    ).toBe("2026-11-23T10:15:00.000Z");

    const t14 = new Date(t0.getTime() + 14 * 60_000);
    expect(await authenticate(email, PASSWORD, t14)).toEqual({ ok: false, code: "ACCOUNT_LOCKED" });

    const t16 = new Date(t0.getTime() + 16 * 60_000);
    expect(await authenticate(email, PASSWORD, t16)).toMatchObject({ ok: true });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    expect(await reasons(email)).toEqual([
      "wrong_password",
      "wrong_password",
      "wrong_password",
      "wrong_password",
      "wrong_password_locked",
      "locked",
      null,
    ]);
  });

  it("starts a fresh count after a lock runs out", async () => {
    const email = await makeUser("expiry");
    const t0 = new Date("2026-11-23T11:00:00Z");
    for (let i = 0; i < 5; i++) await authenticate(email, `wrong-${i}`, t0);
    const later = new Date(t0.getTime() + 20 * 60_000);
    expect(await authenticate(email, "wrong-again", later)).toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
    expect(await db().user.findUniqueOrThrow({ where: { email } })).toMatchObject({
      failedSignIns: 1,
      lockedUntil: null,
    });
  });

  it("a success resets the failure count", async () => {
    const email = await makeUser("reset");
    for (let i = 0; i < 4; i++) await authenticate(email, `wrong-${i}`);
    expect(await authenticate(email, PASSWORD)).toMatchObject({ ok: true });
    expect(await authenticate(email, "wrong-after")).toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
  });

  it("refuses a disabled account, and only says so to someone who knows the password", async () => {
    const email = await makeUser("disabled", { disabled: true });
    expect(await authenticate(email, "wrong")).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    expect(await authenticate(email, PASSWORD)).toEqual({ ok: false, code: "ACCOUNT_DISABLED" });
  });
});

describe("createPrismaClient contract", () => {
  it("the portal's client is a single instance per process", () => {
    expect(db()).toBe(db());
    expect(createPrismaClient).toBeTypeOf("function");
  });
});
