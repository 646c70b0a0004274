import { secp256k1 } from "@noble/curves/secp256k1.js";
import { signVaultRequest } from "@precision/client";
import { describe, expect, it } from "vitest";
import { authenticate, NonceCache } from "./authenticate.js";

const priv = secp256k1.utils.randomSecretKey();
const target = { method: "GET", path: "/v1/records/r1", bodySha256: "" };
const now = 1_800_000_000;

function code(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

describe("authenticate", () => {
  it("accepts a fresh signature once, then refuses its replay", () => {
    const nonces = new NonceCache(300);
    const header = signVaultRequest(target, priv, { now });
    expect(authenticate(header, target, nonces, 300, now)).toMatch(/^prec1/);
    expect(code(() => authenticate(header, target, nonces, 300, now + 10))).toBe("E_REPLAY");
  });

  it("refuses signatures outside the window, for another request, or missing", () => {
    const nonces = new NonceCache(300);
    expect(code(() => authenticate(signVaultRequest(target, priv, { now: now - 301 }), target, nonces, 300, now))).toBe("E_STALE_SIGNATURE");
    expect(code(() => authenticate(signVaultRequest(target, priv, { now: now + 301 }), target, nonces, 300, now))).toBe("E_STALE_SIGNATURE");
    expect(code(() => authenticate(signVaultRequest({ ...target, path: "/v1/records/r2" }, priv, { now }), target, nonces, 300, now))).toBe("E_BAD_SIGNATURE");
    expect(code(() => authenticate(undefined, target, nonces, 300, now))).toBe("E_UNSIGNED");
  });

  it("forgets nonces once their requests could no longer be valid", () => {
    const nonces = new NonceCache(300);
    expect(nonces.claim("a", "n1", now)).toBe(true);
    expect(nonces.claim("a", "n1", now + 599)).toBe(false);
    expect(nonces.claim("a", "n1", now + 601)).toBe(true);
    expect(nonces.claim("b", "n1", now + 601)).toBe(true);
  });
});
