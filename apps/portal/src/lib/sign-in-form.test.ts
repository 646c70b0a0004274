import { describe, expect, it } from "vitest";
import { EMAIL_MAX, PASSWORD_MAX, parseSignInForm, SIGN_IN_MESSAGES } from "./sign-in-form.ts";

describe("parseSignInForm", () => {
  it("accepts a normal pair and normalises the email", () => {
    expect(parseSignInForm({ email: "  Dr.Ada@Example.ORG ", password: "pw" })).toEqual({
      ok: true,
      data: { email: "dr.ada@example.org", password: "pw" },
    });
  });

  it("reports both empty fields at once", () => {
    expect(parseSignInForm({ email: "", password: "" })).toEqual({
      ok: false,
      fieldErrors: { email: "EMAIL_REQUIRED", password: "PASSWORD_REQUIRED" },
    });
  });

  it("treats whitespace-only and non-string values as empty", () => {
    expect(parseSignInForm({ email: "   ", password: null })).toMatchObject({
      fieldErrors: { email: "EMAIL_REQUIRED", password: "PASSWORD_REQUIRED" },
    });
  });

  it("rejects oversized email and password before anything else", () => {
    const email = `${"a".repeat(EMAIL_MAX)}@x.org`;
    const result = parseSignInForm({ email, password: "p".repeat(PASSWORD_MAX + 1) });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { email: "EMAIL_TOO_LONG", password: "PASSWORD_TOO_LONG" },
    });
  });

  it("accepts the maximum password length exactly", () => {
    expect(parseSignInForm({ email: "a@b.org", password: "p".repeat(PASSWORD_MAX) }).ok).toBe(true);
  });

  it("rejects something that is not an email address", () => {
    expect(parseSignInForm({ email: "not-an-email", password: "x" })).toEqual({
      ok: false,
      fieldErrors: { email: "EMAIL_INVALID" },
    });
  });

  it("has a human message for every code, and the same one for unknown user and wrong password", () => {
    expect(SIGN_IN_MESSAGES.INVALID_CREDENTIALS).toBe("Email or password is incorrect.");
    expect(SIGN_IN_MESSAGES.ACCOUNT_LOCKED).toMatch(/15 minutes/);
  });
});
