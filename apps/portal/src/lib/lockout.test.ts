import { describe, expect, it } from "vitest";
import { isLocked, lockAfterFailure, LOCKOUT_MS, MAX_FAILED_SIGN_INS } from "./lockout.ts";

const now = new Date("2026-11-23T12:00:00Z");

describe("lockout policy", () => {
  it("locks for 15 minutes on the fifth consecutive failure, not before", () => {
    expect(MAX_FAILED_SIGN_INS).toBe(5);
    expect(lockAfterFailure(4, now)).toBeNull();
    expect(lockAfterFailure(5, now)?.toISOString()).toBe("2026-11-23T12:15:00.000Z");
    expect(LOCKOUT_MS).toBe(15 * 60 * 1000);
  });

  it("is locked until the instant the lock ends", () => {
    const until = new Date(now.getTime() + 1000);
    expect(isLocked(until, now)).toBe(true);
    expect(isLocked(until, until)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});
