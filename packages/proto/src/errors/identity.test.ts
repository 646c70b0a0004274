import { describe, expect, it } from "vitest";
import { IDENTITY_CODESPACE, identityErrorTable, identityErrors, sdkErrorTable } from "./index.js";

describe("identity error table", () => {
  it("uses its own codespace, unique names and unique codes from 2", () => {
    const codes = identityErrorTable.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(identityErrorTable.map((e) => e.name)).size).toBe(codes.length);
    for (const error of identityErrorTable) {
      expect(error.codespace).toBe(IDENTITY_CODESPACE);
      expect(error.code).toBeGreaterThanOrEqual(2);
      expect(error.message).not.toBe("");
    }
  });

  // Codes are on the wire and in stored tx results: renumbering one breaks every client.
  it("never renumbers a published code", () => {
    expect(identityErrorTable.map((e) => [e.code, e.name])).toEqual([
      [2, "unauthorized"],
      [3, "organization_not_found"],
      [4, "organization_already_exists"],
      [5, "organization_inactive"],
      [6, "invalid_organization_id"],
      [7, "invalid_organization_type"],
      [8, "invalid_identifier"],
      [9, "identifier_already_used"],
      [10, "member_not_found"],
      [11, "member_already_exists"],
      [12, "member_inactive"],
      [13, "invalid_roles"],
      [14, "device_not_found"],
      [15, "device_already_exists"],
      [16, "device_inactive"],
      [17, "invalid_device_id"],
      [18, "invalid_device_kind"],
      [19, "invalid_public_key"],
      [20, "invalid_device_owner"],
      [21, "invalid_field"],
    ]);
    expect(identityErrors.organizationNotFound.code).toBe(3);
  });
});

describe("sdk error table", () => {
  it("matches the Cosmos SDK root codes CosmJS users see", () => {
    const byCode = new Map(sdkErrorTable.map((e) => [e.code, e.message]));
    expect(byCode.get(4)).toBe("unauthorized");
    expect(byCode.get(13)).toBe("insufficient fee");
    expect(byCode.get(22)).toBe("key not found");
    expect(byCode.get(32)).toBe("incorrect account sequence");
    expect(byCode.size).toBe(sdkErrorTable.length);
    expect(sdkErrorTable.every((e) => e.codespace === "sdk")).toBe(true);
  });
});
