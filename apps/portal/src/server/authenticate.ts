import "server-only";
import { hashPassword, verifyPassword } from "@precision/db";
import { isLocked, lockAfterFailure } from "@/lib/lockout.ts";
import type { RoleName } from "@/lib/roles.ts";
import { db } from "./db.ts";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: RoleName;
}

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; code: "INVALID_CREDENTIALS" | "ACCOUNT_LOCKED" | "ACCOUNT_DISABLED" };

let dummyHash: Promise<string> | undefined;

/** A real argon2id hash to verify against for unknown emails, so response time does not reveal them. */
function dummy(): Promise<string> {
  dummyHash ??= hashPassword("precision-timing-equaliser-not-a-password");
  return dummyHash;
}

async function record(
  email: string,
  userId: string | null,
  success: boolean,
  reason: string | null,
) {
  await db().signInEvent.create({ data: { email, userId, success, reason } });
}

/** Checks an email/password pair, applies the lockout policy and records the attempt. */
export async function authenticate(
  email: string,
  password: string,
  now = new Date(),
): Promise<AuthenticateResult> {
  const prisma = db();
  const user = await prisma.user.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
  });

  if (!user) {
    await verifyPassword(await dummy(), password);
    await record(email.toLowerCase(), null, false, "unknown_user");
    return { ok: false, code: "INVALID_CREDENTIALS" };
  }

  if (isLocked(user.lockedUntil, now)) {
    await verifyPassword(await dummy(), password);
    await record(user.email, user.id, false, "locked");
    return { ok: false, code: "ACCOUNT_LOCKED" };
  }

  const passwordOk = await verifyPassword(user.passwordHash, password);
  if (!passwordOk) {
    // A lock that has run out starts a fresh count.
    const expired = user.lockedUntil !== null;
    const updated = await prisma.user.update({
      where: { id: user.id },
      data: expired ? { failedSignIns: 1, lockedUntil: null } : { failedSignIns: { increment: 1 } },
      select: { failedSignIns: true },
    });
    const lockedUntil = lockAfterFailure(updated.failedSignIns, now);
    if (lockedUntil) {
      await prisma.user.update({ where: { id: user.id }, data: { lockedUntil, failedSignIns: 0 } });
      await record(user.email, user.id, false, "wrong_password_locked");
      return { ok: false, code: "ACCOUNT_LOCKED" };
    }
    await record(user.email, user.id, false, "wrong_password");
    return { ok: false, code: "INVALID_CREDENTIALS" };
  }

  if (user.disabled) {
    await record(user.email, user.id, false, "disabled");
    return { ok: false, code: "ACCOUNT_DISABLED" };
  }

  await prisma.user.update({
    where: { id: user.id },
    data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
  });
  await record(user.email, user.id, true, null);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
