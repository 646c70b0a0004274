import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, SecretBoxError } from "./secret-box.js";

const secret = "k".repeat(43);
const context = { purpose: "staff-signing-key", owner: "user-1" };

describe("secret box", () => {
  it("round-trips and never repeats a ciphertext", async () => {
    const a = await sealSecret("abandon ability able", secret, context);
    const b = await sealSecret("abandon ability able", secret, context);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(await openSecret(a, secret, context)).toBe("abandon ability able");
  });

  it("refuses another secret, owner or purpose", async () => {
    const sealed = await sealSecret("mnemonic words", secret, context);
    await expect(openSecret(sealed, "x".repeat(43), context)).rejects.toMatchObject({
      code: "unsealable",
    });
    await expect(openSecret(sealed, secret, { ...context, owner: "user-2" })).rejects.toMatchObject(
      { code: "unsealable" },
    );
    await expect(
      openSecret(sealed, secret, { ...context, purpose: "other" }),
    ).rejects.toMatchObject({ code: "unsealable" });
  });

  it("detects tampering with the ciphertext", async () => {
    const sealed = await sealSecret("mnemonic words", secret, context);
    const [v, iv, body] = sealed.split(".");
    const bytes = Buffer.from(body!, "base64url");
    bytes[0] = bytes[0]! ^ 1;
    await expect(
      openSecret(`${v}.${iv}.${bytes.toString("base64url")}`, secret, context),
    ).rejects.toBeInstanceOf(SecretBoxError);
  });

  it("rejects malformed input and weak secrets with stable codes", async () => {
    await expect(openSecret("v2.a.b", secret, context)).rejects.toMatchObject({
      code: "malformed",
    });
    await expect(openSecret("v1.!!.??", secret, context)).rejects.toMatchObject({
      code: "malformed",
    });
    await expect(openSecret("v1.AAAA.AAAA", secret, context)).rejects.toMatchObject({
      code: "malformed",
    });
    await expect(sealSecret("x", "short", context)).rejects.toMatchObject({ code: "weak_secret" });
  });
});
