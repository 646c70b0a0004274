import { describe, expect, it } from "vitest";
import { DEMO_ORGANIZATIONS, DEMO_USERS } from "./identities.ts";
import { isValidGln, isValidNdcLabelerCode, isValidNpi, isValidPayerId } from "./identifiers.ts";

const orgs = new Map(DEMO_ORGANIZATIONS.map((o) => [o.slug, o]));

describe("demo organisations", () => {
  it("carry only well-formed identifiers, each unique", () => {
    for (const o of DEMO_ORGANIZATIONS) {
      if (o.npi !== null) expect(isValidNpi(o.npi), `${o.slug} NPI ${o.npi}`).toBe(true);
      if (o.gln !== null) expect(isValidGln(o.gln), `${o.slug} GLN ${o.gln}`).toBe(true);
      if (o.ndcLabelerCode !== null)
        expect(isValidNdcLabelerCode(o.ndcLabelerCode), o.slug).toBe(true);
      if (o.payerId !== null) expect(isValidPayerId(o.payerId), o.slug).toBe(true);
    }
    for (const key of ["slug", "npi", "gln", "payerId", "ndcLabelerCode"] as const) {
      const values = DEMO_ORGANIZATIONS.map((o) => o[key]).filter((v) => v !== null);
      expect(new Set(values).size, key).toBe(values.length);
    }
    expect(orgs.size).toBe(DEMO_ORGANIZATIONS.length);
  });

  it("cover every kind of participant the demo needs", () => {
    const types = new Set(DEMO_ORGANIZATIONS.map((o) => o.type));
    for (const t of [
      "CONSORTIUM",
      "PROVIDER",
      "LAB",
      "SPONSOR",
      "PAYER",
      "MANUFACTURER",
      "DISTRIBUTOR",
      "PHARMACY",
      "CARRIER",
    ]) {
      expect(types.has(t as never), t).toBe(true);
    }
    expect(DEMO_ORGANIZATIONS.filter((o) => o.type === "PROVIDER")).toHaveLength(2);
    for (const o of DEMO_ORGANIZATIONS.filter(
      (o) => o.type === "PROVIDER" || o.type === "LAB" || o.type === "PHARMACY",
    )) {
      expect(o.npi, o.slug).not.toBeNull();
    }
    for (const o of DEMO_ORGANIZATIONS.filter((o) =>
      ["MANUFACTURER", "DISTRIBUTOR", "PHARMACY", "CARRIER"].includes(o.type),
    )) {
      expect(o.gln, o.slug).not.toBeNull();
    }
    expect(orgs.get("halvorsen-biologics")?.ndcLabelerCode).not.toBeNull();
    expect(orgs.get("evergreen-mutual")?.payerId).not.toBeNull();
  });
});

describe("demo users", () => {
  it("have unique, reserved-domain emails and no filler text", () => {
    const emails = DEMO_USERS.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const u of DEMO_USERS) {
      expect(u.email).toMatch(/^[a-z]+\.[a-z]+@[a-z0-9-]+\.(test|example)$/);
      expect(`${u.name} ${u.title}`).not.toMatch(/lorem|ipsum|foo|bar|test user/i);
    }
  });

  it("staff belong to an existing organisation, patients to none", () => {
    for (const u of DEMO_USERS) {
      if (u.role === "PATIENT") expect(u.organizationSlug, u.email).toBeNull();
      else
        expect(orgs.has(u.organizationSlug ?? ""), `${u.email} → ${u.organizationSlug}`).toBe(true);
    }
  });

  it("include the people the portal's areas are demonstrated with", () => {
    const at = (role: string, type: string) =>
      DEMO_USERS.filter(
        (u) => u.role === role && orgs.get(u.organizationSlug ?? "")?.type === type,
      );
    expect(at("ADMIN", "CONSORTIUM")).toHaveLength(1);
    expect(DEMO_USERS.some((u) => u.role === "CLINICIAN" && u.title === "Cardiologist")).toBe(true);
    expect(DEMO_USERS.some((u) => u.role === "CLINICIAN" && u.title === "Family physician")).toBe(
      true,
    );
    expect(at("CLINICIAN", "LAB")).toHaveLength(1);
    expect(DEMO_USERS.filter((u) => u.role === "PATIENT").length).toBeGreaterThanOrEqual(2);
    expect(at("RESEARCHER", "SPONSOR")).toHaveLength(1);
    expect(at("PAYER", "PAYER")).toHaveLength(1);
    for (const type of ["MANUFACTURER", "DISTRIBUTOR", "PHARMACY"])
      expect(at("SUPPLY", type), type).toHaveLength(1);
  });
});
