// The generated demo histories are valid FHIR R4, classify into the classes the chain records, and
// come from all five sources.
import type * as MedplumCore from "@medplum/core";
import { recordClassOf } from "@precision/client";
import { RecordClass } from "@precision/proto";
import { clinicalHistory, DEMO_PATIENTS } from "@precision/db/seed";
import { beforeAll, describe, expect, it } from "vitest";
import { loadMedplum } from "./medplum.ts";

let core: typeof MedplumCore;

beforeAll(async () => {
  core = await loadMedplum();
}, 30_000);

const address = "prec1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnjl438u";
const now = new Date("2026-11-30T12:00:00Z");

describe("demo clinical histories", () => {
  it("give 50 patients histories from a practice, a hospital, a lab, a pharmacy and a wearable", () => {
    expect(DEMO_PATIENTS).toHaveLength(50);
    expect(new Set(DEMO_PATIENTS.map((p) => p.email)).size).toBe(50);
    const sources = new Set(DEMO_PATIENTS.flatMap((p) => clinicalHistory(p, address, now).map((r) => r.source)));
    expect([...sources].sort()).toEqual(["hospital", "lab", "pharmacy", "practice", "wearable"]);
    // The clinician's timeline has every kind of entry: vitals, labs, notes, imaging and genomics.
    const classes = new Set(DEMO_PATIENTS.slice(0, 3).flatMap((p) => clinicalHistory(p, address, now).map((r) => RecordClass[recordClassOf(r.resource as { resourceType: string })!])));
    for (const c of ["RECORD_CLASS_VITALS", "RECORD_CLASS_LABS", "RECORD_CLASS_NOTES", "RECORD_CLASS_IMAGING", "RECORD_CLASS_GENOMICS"]) expect(classes).toContain(c);
  });

  it("are valid FHIR R4 resources that the chain can classify, with unique ids, and deterministic", () => {
    for (const patient of DEMO_PATIENTS.slice(0, 12)) {
      const history = clinicalHistory(patient, address, now);
      expect(new Set(history.map((r) => r.id)).size).toBe(history.length);
      for (const record of history) {
        let issues: unknown[];
        try {
          issues = core.validateResource(record.resource as never).filter((i) => i.severity === "error");
        } catch (err) {
          issues = (err as { outcome?: { issue?: unknown[] } }).outcome?.issue ?? [err];
        }
        expect(issues, `${record.id} ${JSON.stringify(issues)}`).toEqual([]);
        expect(recordClassOf(record.resource as { resourceType: string }), record.id).toBeDefined();
        expect(record.time.getTime()).toBeLessThanOrEqual(now.getTime());
      }
      expect(clinicalHistory(patient, address, now)).toEqual(history);
    }
  });
});
