import { describe, expect, it } from "vitest";
import { cx } from "./cx.ts";
import { describedBy, isCurrentPath } from "./nav.ts";

describe("isCurrentPath", () => {
  it("matches the page itself and pages below it", () => {
    expect(isCurrentPath("/admin", "/admin")).toBe(true);
    expect(isCurrentPath("/admin", "/admin/users")).toBe(true);
    expect(isCurrentPath("/admin/", "/admin")).toBe(true);
  });
  it("does not match siblings that share a prefix", () => {
    expect(isCurrentPath("/pay", "/payer")).toBe(false);
    expect(isCurrentPath("/admin", "/")).toBe(false);
  });
  it("treats / as the home page only", () => {
    expect(isCurrentPath("/", "/")).toBe(true);
    expect(isCurrentPath("/", "/clinician")).toBe(false);
  });
});

describe("describedBy", () => {
  it("lists only the parts that are rendered", () => {
    expect(describedBy("email", false, false)).toBeUndefined();
    expect(describedBy("email", true, false)).toBe("email-hint");
    expect(describedBy("email", false, true)).toBe("email-error");
    expect(describedBy("email", true, true)).toBe("email-hint email-error");
  });
});

describe("cx", () => {
  it("skips falsy parts", () => {
    expect(cx("a", false, undefined, null, "", "b")).toBe("a b");
  });
});
