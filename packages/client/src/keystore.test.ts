import { describe, expect, it } from "vitest";
import { KeystoreError, lockMnemonic, unlockMnemonic } from "./keystore.js";

describe("keystore", () => {
  it("opens with the passphrase and nothing else", async () => {
    const store = await lockMnemonic("word ".repeat(24).trim(), "correct horse battery", "prec1abc", 1_000);
    expect(store.ciphertext).not.toContain("word");
    expect(await unlockMnemonic(store, "correct horse battery")).toBe("word ".repeat(24).trim());
    await expect(unlockMnemonic(store, "wrong horse battery")).rejects.toMatchObject({ code: "E_PASSPHRASE" });
    await expect(unlockMnemonic({ ...store, address: "prec1other" }, "correct horse battery")).rejects.toBeInstanceOf(KeystoreError);
    await expect(lockMnemonic("x", "short", "prec1abc")).rejects.toMatchObject({ code: "E_PASSPHRASE" });
  });
});
