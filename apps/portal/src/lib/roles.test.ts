import { describe, expect, it } from "vitest";
import { AREAS, ROLES, areaForPath, areaForRole, isRole, mayEnter } from "./roles.ts";

describe("role → area mapping", () => {
  it("gives every role its own distinct area", () => {
    const paths = ROLES.map((r) => areaForRole(r).path);
    expect(paths).toEqual(["/clinician", "/patient", "/researcher", "/payer", "/supply", "/admin"]);
    expect(new Set(paths).size).toBe(ROLES.length);
  });

  it("finds the area of a path, including pages below it, and nothing for others", () => {
    expect(areaForPath("/payer")?.role).toBe("PAYER");
    expect(areaForPath("/payer/claims/42")?.role).toBe("PAYER");
    expect(areaForPath("/payers")).toBeUndefined();
    expect(areaForPath("/signin")).toBeUndefined();
    expect(areaForPath("/")).toBeUndefined();
  });

  it("lets each role into its own area only", () => {
    for (const role of ROLES) {
      for (const area of Object.values(AREAS)) {
        expect(mayEnter(role, area)).toBe(area.role === role);
      }
    }
  });

  it("recognises role names strictly", () => {
    expect(isRole("ADMIN")).toBe(true);
    expect(isRole("admin")).toBe(false);
    expect(isRole(undefined)).toBe(false);
    expect(isRole("__proto__")).toBe(false);
  });
});
