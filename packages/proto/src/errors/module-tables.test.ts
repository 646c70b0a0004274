import { describe, expect, it } from "vitest";
import {
  ACCESS_CODESPACE,
  accessErrorTable,
  ALERTS_CODESPACE,
  alertsErrorTable,
  RECORDS_CODESPACE,
  recordsErrorTable,
} from "./index.js";

const tables = [
  [RECORDS_CODESPACE, recordsErrorTable],
  [ACCESS_CODESPACE, accessErrorTable],
  [ALERTS_CODESPACE, alertsErrorTable],
] as const;

describe.each(tables)("%s error table", (codespace, table) => {
  it("uses its own codespace, snake_case names and consecutive codes from 2", () => {
    expect(table.map((e) => e.code)).toEqual(table.map((_, i) => i + 2));
    expect(new Set(table.map((e) => e.name)).size).toBe(table.length);
    for (const error of table) {
      expect(error.codespace).toBe(codespace);
      expect(error.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(error.message).not.toBe("");
    }
  });
});

// Codes are on the wire and in stored tx results: renumbering one breaks every client.
it("never renumbers a published code", () => {
  expect(Object.fromEntries(tables.map(([cs, t]) => [cs, t.map((e) => `${e.code} ${e.name}`)]))).toMatchInlineSnapshot(`
    {
      "access": [
        "2 unauthorized",
        "3 grant_not_found",
        "4 invalid_grantee",
        "5 invalid_scope",
        "6 invalid_purpose",
        "7 invalid_period",
        "8 grant_not_live",
        "9 rule_not_found",
        "10 invalid_rule",
        "11 not_a_clinician",
        "12 invalid_reason",
        "13 not_a_vault",
        "14 read_not_allowed",
        "15 invalid_key",
        "16 invalid_params",
        "17 invalid_field",
        "18 record_not_found",
        "19 not_a_member",
      ],
      "alerts": [
        "2 device_not_found",
        "3 device_inactive",
        "4 not_a_wearable",
        "5 invalid_signature",
        "6 stale_sequence",
        "7 unknown_code",
        "8 invalid_field",
        "9 alert_not_found",
      ],
      "records": [
        "2 unauthorized",
        "3 record_not_found",
        "4 record_already_exists",
        "5 invalid_record_id",
        "6 invalid_resource_type",
        "7 invalid_record_class",
        "8 invalid_hash",
        "9 invalid_locator",
        "10 invalid_link",
        "11 missing_key",
        "12 invalid_key",
        "13 no_treatment_relationship",
        "14 invalid_field",
      ],
    }
  `);
});
