import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.ts";

describe("passwords", () => {
  it("hash with argon2id and a fresh salt each time", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(a).not.toBe(b);
  });

  it("verify the right password and only that one", async () => {
    const hash = await hashPassword("precision-demo");
    expect(await verifyPassword(hash, "precision-demo")).toBe(true);
    expect(await verifyPassword(hash, "precision-dem0")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("answer false, never throw, for malformed or foreign hashes", async () => {
    const hash = await hashPassword("x-password");
    for (const bad of [
      "",
      "not-a-hash",
      "$argon2id$",
      "$argon2id$v=19$m=19456,t=2,p=1$AAAA$",
      hash.slice(0, -5),
      "$2b$10$abcdefghijklmnopqrstuu",
    ]) {
      expect(await verifyPassword(bad, "x-password"), bad).toBe(false);
    }
    expect(await verifyPassword(undefined as unknown as string, "x")).toBe(false);
  });

  it("refuse to hash an empty password", async () => {
    await expect(hashPassword("")).rejects.toThrow(/non-empty/);
  });
});
