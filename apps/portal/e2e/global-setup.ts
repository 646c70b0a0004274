import { createPrismaClient, hashPassword } from "@precision/db";
import { migrate } from "@precision/db/migrate";
import { seedDemo, seedDemoPatients } from "@precision/db/seed";
import { startChainAndIndexer } from "./chain.ts";
import { e2eEnv } from "./env.ts";
import { DISABLED_EMAIL, LOCKOUT_EMAIL, password } from "./fixtures.ts";

/** Brings the test database to the current schema with the demo data and resets account state. */
export default async function globalSetup() {
  const { databaseUrl } = e2eEnv();
  await migrate(databaseUrl);
  await seedDemo(databaseUrl, { password });
  await seedDemoPatients(databaseUrl, { password });

  const prisma = createPrismaClient(databaseUrl);
  try {
    await prisma.user.updateMany({ data: { failedSignIns: 0, lockedUntil: null } });
    const passwordHash = await hashPassword(password);
    for (const [email, name, disabled] of [
      [LOCKOUT_EMAIL, "Lockout Test Patient", false],
      [DISABLED_EMAIL, "Disabled Test Patient", true],
    ] as const) {
      await prisma.user.upsert({
        where: { email },
        create: { email, name, role: "PATIENT", passwordHash, disabled },
        update: {
          name,
          role: "PATIENT",
          passwordHash,
          disabled,
          failedSignIns: 0,
          lockedUntil: null,
        },
      });
    }
  } finally {
    await prisma.$disconnect();
  }
  // Playwright runs the returned function as the global teardown.
  return startChainAndIndexer(databaseUrl);
}
