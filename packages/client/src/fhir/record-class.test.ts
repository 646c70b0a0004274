import { RecordClass } from "@precision/proto";
import { describe, expect, it } from "vitest";
import { recordClassLabel, recordClassOf } from "./record-class.js";

const category = (system: string, code: string) => [{ coding: [{ system, code }] }];

describe("recordClassOf", () => {
  it("classifies observations and reports by their category", () => {
    expect(recordClassOf({ resourceType: "Observation", category: category("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs") })).toBe(RecordClass.RECORD_CLASS_VITALS);
    expect(recordClassOf({ resourceType: "Observation", category: category("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory") })).toBe(RecordClass.RECORD_CLASS_LABS);
    expect(recordClassOf({ resourceType: "DiagnosticReport", category: category("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD") })).toBe(RecordClass.RECORD_CLASS_IMAGING);
    expect(recordClassOf({ resourceType: "DiagnosticReport" })).toBe(RecordClass.RECORD_CLASS_LABS);
    expect(recordClassOf({ resourceType: "Observation" })).toBe(RecordClass.RECORD_CLASS_NOTES);
  });

  it("classifies other resources by type, and refuses types the network does not anchor", () => {
    expect(recordClassOf({ resourceType: "MedicationRequest" })).toBe(RecordClass.RECORD_CLASS_MEDICATIONS);
    expect(recordClassOf({ resourceType: "MolecularSequence" })).toBe(RecordClass.RECORD_CLASS_GENOMICS);
    expect(recordClassOf({ resourceType: "Organization" })).toBeUndefined();
    expect(recordClassLabel(RecordClass.RECORD_CLASS_VITALS)).toBe("Vitals");
  });
});
