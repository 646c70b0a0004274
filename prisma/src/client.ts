import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client/client.ts";

export function createPrismaClient(databaseUrl: string): PrismaClient {
  assertPostgresUrl(databaseUrl);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

export function assertPostgresUrl(databaseUrl: string): void {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new TypeError(
      `Not a database URL: ${JSON.stringify(databaseUrl)} (expected postgresql://user:pass@host:port/db)`,
    );
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new TypeError(
      `Not a PostgreSQL URL (scheme ${url.protocol}): expected postgresql://user:pass@host:port/db`,
    );
  }
}
