import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, verifyPassword } from "./index.ts";
import { migrate } from "./migrate.ts";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD_DEFAULT, DEMO_USERS, seedDemo } from "./seed.ts";
import { dropThrowawayDatabases, throwawayDatabase } from "./test/databases.ts";

async function snapshot(url: string) {
  const prisma = createPrismaClient(url);
  try {
    return {
      organizations: await prisma.organization.findMany({ orderBy: { slug: "asc" } }),
      users: await prisma.user.findMany({ orderBy: { email: "asc" } }),
      memberships: await prisma.membership.findMany({ orderBy: { id: "asc" } }),
    };
  } finally {
    await prisma.$disconnect();
  }
}

afterAll(dropThrowawayDatabases);

describe("seedDemo()", () => {
  // Made on first use rather than in beforeAll, so that a missing TEST_DATABASE_URL fails every test
  // instead of marking them skipped.
  let database: Promise<string> | undefined;
  const migratedDatabase = () =>
    (database ??= throwawayDatabase().then(async (url) => (await migrate(url), url)));

  it("creates the demo organisations, people and memberships", async () => {
    const url = await migratedDatabase();
    expect(await seedDemo(url)).toEqual({
      users: DEMO_USERS.length,
      organizations: DEMO_ORGANIZATIONS.length,
    });
    const { organizations, users, memberships } = await snapshot(url);
    expect(organizations.map((o) => o.slug)).toEqual(DEMO_ORGANIZATIONS.map((o) => o.slug).sort());
    expect(users.map((u) => u.email)).toEqual(DEMO_USERS.map((u) => u.email).sort());

    const orgById = new Map(organizations.map((o) => [o.id, o]));
    const userById = new Map(users.map((u) => [u.id, u]));
    const seen = memberships
      .map(
        (m) => `${userById.get(m.userId)?.email} ${orgById.get(m.organizationId)?.slug} ${m.title}`,
      )
      .sort();
    const expected = DEMO_USERS.filter((u) => u.organizationSlug !== null)
      .map((u) => `${u.email} ${u.organizationSlug} ${u.title}`)
      .sort();
    expect(seen).toEqual(expected);

    const riverbend = organizations.find((o) => o.slug === "riverbend-heart-vascular")!;
    expect(riverbend).toMatchObject({ type: "PROVIDER", npi: "1930157288", gln: "0860147200004" });
    for (const u of users)
      expect(u).toMatchObject({ disabled: false, failedSignIns: 0, lockedUntil: null });
  });

  it("changes nothing when run again, even concurrently", async () => {
    const url = await migratedDatabase();
    const before = await snapshot(url);
    const results = await Promise.all([seedDemo(url), seedDemo(url)]);
    expect(results).toEqual([
      { users: DEMO_USERS.length, organizations: DEMO_ORGANIZATIONS.length },
      { users: DEMO_USERS.length, organizations: DEMO_ORGANIZATIONS.length },
    ]);
    expect(await snapshot(url)).toEqual(before);
  });

  it("stores argon2id hashes that verify the demo password", async () => {
    const url = await migratedDatabase();
    const { users } = await snapshot(url);
    for (const u of users) {
      expect(u.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(u.passwordHash, DEMO_PASSWORD_DEFAULT), u.email).toBe(true);
      expect(await verifyPassword(u.passwordHash, "wrong-password"), u.email).toBe(false);
    }
  });

  it("switches every password when another one is given, and touches nothing else", async () => {
    const url = await migratedDatabase();
    const before = await snapshot(url);
    await seedDemo(url, { password: "another-long-password" });
    const after = await snapshot(url);
    for (const u of after.users) {
      expect(await verifyPassword(u.passwordHash, "another-long-password"), u.email).toBe(true);
      expect(await verifyPassword(u.passwordHash, DEMO_PASSWORD_DEFAULT), u.email).toBe(false);
    }
    expect(after.organizations).toEqual(before.organizations);
    expect(after.memberships).toEqual(before.memberships);
    const strip = (users: typeof before.users) =>
      users.map(({ passwordHash: _h, updatedAt: _u, ...rest }) => rest);
    expect(strip(after.users)).toEqual(strip(before.users));
  });

  it("refuses a too-short password and a database without the schema", async () => {
    const url = await migratedDatabase();
    await expect(seedDemo(url, { password: "short" })).rejects.toThrow(/at least 8 characters/);
    const empty = await throwawayDatabase();
    await expect(seedDemo(empty)).rejects.toThrow(/Organization|does not exist/);
  });
});
