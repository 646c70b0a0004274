import { createPrismaClient } from "./client.ts";
import {
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD_DEFAULT,
  DEMO_USERS,
  type DemoUser,
} from "./demo/identities.ts";
import type { Prisma } from "./generated/client/client.ts";
import { hashPassword, verifyPassword } from "./password.ts";

export { DEMO_ORGANIZATIONS, DEMO_PASSWORD_DEFAULT, DEMO_USERS } from "./demo/identities.ts";
export { DEMO_PATIENTS } from "./demo/patients.ts";
export type { DemoPatient } from "./demo/patients.ts";
export { clinicalHistory, DEMO_SOURCES } from "./demo/clinical-history.ts";
export type { DemoRecord, DemoSource } from "./demo/clinical-history.ts";
export type { DemoOrganization, DemoUser } from "./demo/identities.ts";

/** Arbitrary but fixed: concurrent seeders of one database take turns. */
const SEED_LOCK_KEY = 727073690;

/**
 * Makes the demo organisations, people and memberships exist. Idempotent: rows that already match are not
 * written (so `updatedAt` does not move), and a password hash is only replaced when it does not verify.
 * Returns how many demo users and organisations the database holds afterwards.
 */
export async function seedDemo(
  databaseUrl: string,
  opts: { password?: string } = {},
): Promise<{ users: number; organizations: number }> {
  const password = opts.password ?? DEMO_PASSWORD_DEFAULT;
  if (typeof password !== "string" || password.length < 8) {
    throw new TypeError("seedDemo: the demo password must be a string of at least 8 characters");
  }
  const prisma = createPrismaClient(databaseUrl);
  try {
    return await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
        const orgIds = new Map<string, string>();
        for (const org of DEMO_ORGANIZATIONS) {
          const { slug, ...fields } = org;
          const existing = await tx.organization.findUnique({ where: { slug } });
          if (!existing) {
            orgIds.set(slug, (await tx.organization.create({ data: org })).id);
            continue;
          }
          const changes = differing(existing, fields);
          if (changes) await tx.organization.update({ where: { id: existing.id }, data: changes });
          orgIds.set(slug, existing.id);
        }
        for (const user of DEMO_USERS) await seedUser(tx, user, password, orgIds);
        const [users, organizations] = await Promise.all([
          tx.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } }),
          tx.organization.count({ where: { slug: { in: DEMO_ORGANIZATIONS.map((o) => o.slug) } } }),
        ]);
        return { users, organizations };
      },
      // argon2 hashing of a dozen passwords happens inside; the default 5 s is too tight on a slow CI box.
      { timeout: 120_000, maxWait: 120_000 },
    );
  } finally {
    await prisma.$disconnect();
  }
}

async function seedUser(
  tx: Prisma.TransactionClient,
  user: DemoUser,
  password: string,
  orgIds: Map<string, string>,
): Promise<void> {
  const { email, name, role, organizationSlug, title } = user;
  let row = await tx.user.findUnique({ where: { email } });
  if (!row) {
    row = await tx.user.create({
      data: { email, name, role, passwordHash: await hashPassword(password) },
    });
  } else {
    const changes: Prisma.UserUpdateInput = differing(row, { name, role }) ?? {};
    if (!(await verifyPassword(row.passwordHash, password)))
      changes.passwordHash = await hashPassword(password);
    if (Object.keys(changes).length > 0)
      await tx.user.update({ where: { id: row.id }, data: changes });
  }
  if (organizationSlug === null) return;

  const organizationId = orgIds.get(organizationSlug);
  if (!organizationId)
    throw new Error(`Demo user ${email} names unknown organisation "${organizationSlug}"`);
  const key = { userId_organizationId: { userId: row.id, organizationId } };
  const membership = await tx.membership.findUnique({ where: key });
  if (!membership) await tx.membership.create({ data: { userId: row.id, organizationId, title } });
  else if (membership.title !== title) await tx.membership.update({ where: key, data: { title } });
}

/** The subset of `wanted` whose values differ from `row`, or null when nothing differs. */
function differing<T extends object>(row: object, wanted: T): Partial<T> | null {
  const current = row as Record<string, unknown>;
  const out: Partial<T> = {};
  let any = false;
  for (const [k, v] of Object.entries(wanted) as [keyof T & string, T[keyof T & string]][]) {
    if (current[k] !== v) {
      out[k] = v;
      any = true;
    }
  }
  return any ? out : null;
}

/**
 * The generated demo patients (DEMO_PATIENTS beyond the named ones): created when missing, all with
 * the demo password (hashed once). Returns how many exist afterwards.
 */
export async function seedDemoPatients(databaseUrl: string, opts: { password?: string } = {}): Promise<number> {
  const { DEMO_PATIENTS } = await import("./demo/patients.ts");
  const password = opts.password ?? DEMO_PASSWORD_DEFAULT;
  const prisma = createPrismaClient(databaseUrl);
  try {
    const existing = new Set((await prisma.user.findMany({ where: { email: { in: DEMO_PATIENTS.map((p) => p.email) } }, select: { email: true } })).map((u) => u.email));
    const missing = DEMO_PATIENTS.filter((p) => !existing.has(p.email));
    if (missing.length > 0) {
      const passwordHash = await hashPassword(password);
      await prisma.user.createMany({ data: missing.map((p) => ({ email: p.email, name: p.name, role: "PATIENT" as const, passwordHash })), skipDuplicates: true });
    }
    return existing.size + missing.length;
  } finally {
    await prisma.$disconnect();
  }
}
