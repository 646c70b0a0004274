import { describe, expect, it } from "vitest";
import { createPrismaClient, OrganizationType, Role } from "./index.ts";

describe("createPrismaClient", () => {
  it("refuses what is not a PostgreSQL URL, with a clear message", () => {
    expect(() => createPrismaClient("")).toThrow(/Not a database URL/);
    expect(() => createPrismaClient("mysql://u:p@localhost/db")).toThrow(/Not a PostgreSQL URL/);
  });

  it("builds a client for a PostgreSQL URL without connecting", async () => {
    const client = createPrismaClient("postgresql://u:p@127.0.0.1:1/db");
    expect(typeof client.user.findMany).toBe("function");
    await client.$disconnect();
  });

  it("exports the schema's enums", () => {
    expect(Object.values(Role)).toEqual([
      "CLINICIAN",
      "PATIENT",
      "RESEARCHER",
      "PAYER",
      "SUPPLY",
      "ADMIN",
    ]);
    expect(OrganizationType.CONSORTIUM).toBe("CONSORTIUM");
  });
});
