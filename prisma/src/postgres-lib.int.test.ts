// Tests for scripts/lib/postgres.mjs, which the root start and test commands use.
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createThrowawayDatabase,
  dropDatabase,
  ensurePostgresServer,
  findDatabaseForStart,
} from "../../scripts/lib/postgres.mjs";
import { createPrismaClient, verifyPassword } from "./index.ts";
import { migrate } from "./migrate.ts";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD_DEFAULT, DEMO_USERS, seedDemo } from "./seed.ts";
import { adminUrl, testDatabaseUrl } from "./test/databases.ts";

async function one<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows[0];
  } finally {
    await client.end();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  return (
    (await one(adminUrl(), "SELECT 1 AS x FROM pg_database WHERE datname = $1", [name])) !==
    undefined
  );
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const savedDatabaseUrl = process.env.DATABASE_URL;
beforeEach(() => {
  delete process.env.DATABASE_URL;
});
afterEach(() => {
  if (savedDatabaseUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedDatabaseUrl;
});

describe("ensurePostgresServer", () => {
  it("returns a working admin URL for the precision role, also when called again", async () => {
    testDatabaseUrl();
    const url = await ensurePostgresServer();
    expect(url).toMatch(/^postgresql:\/\/precision:precision@127\.0\.0\.1:\d+\/postgres$/);
    const role = await one<{ rolcanlogin: boolean; rolcreatedb: boolean }>(
      url,
      "SELECT rolcanlogin, rolcreatedb FROM pg_roles WHERE rolname = current_user",
    );
    expect(role).toEqual({ rolcanlogin: true, rolcreatedb: true });
    expect(await ensurePostgresServer()).toBe(url);
  });
});

describe("throwaway databases", () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const url of made) await dropDatabase(url);
  });

  it("are fresh, distinct, named after the prefix, and dropped even while in use", async () => {
    const a = await createThrowawayDatabase(adminUrl(), "precision_lib_test");
    const b = await createThrowawayDatabase(adminUrl(), "precision_lib_test");
    made.push(a, b);
    const nameA = new URL(a).pathname.slice(1);
    expect(nameA).toMatch(/^precision_lib_test_[a-z0-9]+_[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(await databaseExists(nameA)).toBe(true);
    expect(
      await one(a, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'"),
    ).toEqual({ n: 0 });

    const holder = new pg.Client({ connectionString: a });
    await holder.connect();
    holder.on("error", () => {});
    await dropDatabase(a);
    expect(await databaseExists(nameA)).toBe(false);
    await holder.end().catch(() => {});
  });

  it("refuse bad prefixes and dropping system databases", async () => {
    await expect(createThrowawayDatabase(adminUrl(), "Bad-Prefix")).rejects.toThrow(
      /prefix must match/,
    );
    await expect(createThrowawayDatabase(adminUrl(), 'x"; DROP')).rejects.toThrow(
      /prefix must match/,
    );
    await expect(dropDatabase(adminUrl())).rejects.toThrow(
      /refusing to drop the system database "postgres"/,
    );
  });
});

describe("findDatabaseForStart", () => {
  it("uses DATABASE_URL when it is set", async () => {
    process.env.DATABASE_URL = testDatabaseUrl();
    const db = await findDatabaseForStart({ dataDir: os.tmpdir() });
    expect(db.kind).toBe("env");
    expect(db.url).toBe(testDatabaseUrl());
    await db.stop();
  });

  it("uses the local PostgreSQL as role precision with database precision", async () => {
    const port = Number(new URL(await ensurePostgresServer()).port);
    const db = await findDatabaseForStart({ dataDir: os.tmpdir(), localPort: port });
    expect(db.kind).toBe("local");
    expect(db.url).toBe(`postgresql://precision:precision@127.0.0.1:${port}/precision`);
    expect(await one(db.url, "SELECT current_user AS u, current_database() AS d")).toEqual({
      u: "precision",
      d: "precision",
    });
  });

  it("gives another state folder its own local database, created on first use", async () => {
    const port = Number(new URL(await ensurePostgresServer()).port);
    const database = `precision_test_home_${process.pid}`;
    const db = await findDatabaseForStart({ dataDir: os.tmpdir(), database, localPort: port });
    try {
      expect(db.url).toBe(`postgresql://precision:precision@127.0.0.1:${port}/${database}`);
      expect(await one(db.url, "SELECT current_database() AS d")).toEqual({ d: database });
      expect((await findDatabaseForStart({ dataDir: os.tmpdir(), database, localPort: port })).url).toBe(db.url);
    } finally {
      await dropDatabase(db.url);
    }
    await expect(findDatabaseForStart({ dataDir: os.tmpdir(), database: "x; DROP TABLE users", localPort: port })).rejects.toThrow(/bad database name/);
  });

  it("otherwise starts an embedded PGlite that migrates, seeds, and keeps its data across restarts", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "precision-embedded-"));
    const localPort = await closedPort();
    const log: string[] = [];

    const first = await findDatabaseForStart({ dataDir, localPort, log: (m) => log.push(m) });
    let pid: number | undefined;
    try {
      expect(first.kind).toBe("embedded");
      expect(log.join("\n")).toContain(path.join(dataDir, "pglite"));
      expect((await migrate(first.url)).applied.length).toBeGreaterThan(0);
      await seedDemo(first.url);
      pid = (first as { pid?: number }).pid;
    } finally {
      await first.stop();
    }
    expect(pid).toBeTypeOf("number");
    expect(() => process.kill(pid!, 0)).toThrow();

    const second = await findDatabaseForStart({ dataDir, localPort });
    try {
      expect(second.kind).toBe("embedded");
      expect(await migrate(second.url)).toEqual({ applied: [] });
      const prisma = createPrismaClient(second.url);
      try {
        expect(await prisma.user.count()).toBe(DEMO_USERS.length);
        const admin = await prisma.user.findUniqueOrThrow({
          where: { email: DEMO_USERS[0]!.email },
        });
        expect(await verifyPassword(admin.passwordHash, DEMO_PASSWORD_DEFAULT)).toBe(true);
      } finally {
        await prisma.$disconnect();
      }
      expect(await seedDemo(second.url)).toEqual({
        users: DEMO_USERS.length,
        organizations: DEMO_ORGANIZATIONS.length,
      });
    } finally {
      await second.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 600_000);
});
