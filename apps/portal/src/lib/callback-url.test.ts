import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInPath } from "./callback-url.ts";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/clinician")).toBe("/clinician");
    expect(safeCallbackPath("/payer/claims?status=pended")).toBe("/payer/claims?status=pended");
  });

  it.each([
    ["https://evil.example/clinician"],
    ["//evil.example/x"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    ["clinician"],
    ["/a\u0000b"],
    [""],
    [42],
    [undefined],
  ])("drops %j", (value) => {
    expect(safeCallbackPath(value)).toBeUndefined();
  });

  it("builds the sign-in URL with an encoded callbackUrl", () => {
    expect(signInPath("/researcher")).toBe("/signin?callbackUrl=%2Fresearcher");
    expect(signInPath("/")).toBe("/signin");
    expect(signInPath("https://evil.example")).toBe("/signin");
  });
});
