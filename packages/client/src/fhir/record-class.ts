import { RecordClass } from "@precision/proto";

/** A FHIR resource as far as classifying it needs: its type and its category codings. */
export interface ClassifiableResource {
  readonly resourceType: string;
  /** CodeableConcept or CodeableConcept[] (other shapes, e.g. AllergyIntolerance's codes, are ignored). */
  readonly category?: unknown;
}

const BY_TYPE: Readonly<Record<string, RecordClass>> = {
  AllergyIntolerance: RecordClass.RECORD_CLASS_ALLERGIES,
  CarePlan: RecordClass.RECORD_CLASS_NOTES,
  Condition: RecordClass.RECORD_CLASS_CONDITIONS,
  DocumentReference: RecordClass.RECORD_CLASS_NOTES,
  Encounter: RecordClass.RECORD_CLASS_ENCOUNTERS,
  FamilyMemberHistory: RecordClass.RECORD_CLASS_CONDITIONS,
  ImagingStudy: RecordClass.RECORD_CLASS_IMAGING,
  Immunization: RecordClass.RECORD_CLASS_IMMUNIZATIONS,
  Media: RecordClass.RECORD_CLASS_IMAGING,
  MedicationAdministration: RecordClass.RECORD_CLASS_MEDICATIONS,
  MedicationDispense: RecordClass.RECORD_CLASS_MEDICATIONS,
  MedicationRequest: RecordClass.RECORD_CLASS_MEDICATIONS,
  MedicationStatement: RecordClass.RECORD_CLASS_MEDICATIONS,
  MolecularSequence: RecordClass.RECORD_CLASS_GENOMICS,
  Patient: RecordClass.RECORD_CLASS_DEMOGRAPHICS,
  Procedure: RecordClass.RECORD_CLASS_PROCEDURES,
  ServiceRequest: RecordClass.RECORD_CLASS_PROCEDURES,
  Specimen: RecordClass.RECORD_CLASS_LABS,
};

/** HL7 observation-category and v2-0074 (DiagnosticReport) codes. */
const BY_CATEGORY: Readonly<Record<string, RecordClass>> = {
  "vital-signs": RecordClass.RECORD_CLASS_VITALS,
  activity: RecordClass.RECORD_CLASS_VITALS,
  laboratory: RecordClass.RECORD_CLASS_LABS,
  LAB: RecordClass.RECORD_CLASS_LABS,
  HM: RecordClass.RECORD_CLASS_LABS,
  CH: RecordClass.RECORD_CLASS_LABS,
  MB: RecordClass.RECORD_CLASS_LABS,
  imaging: RecordClass.RECORD_CLASS_IMAGING,
  RAD: RecordClass.RECORD_CLASS_IMAGING,
  CT: RecordClass.RECORD_CLASS_IMAGING,
  GE: RecordClass.RECORD_CLASS_GENOMICS,
  procedure: RecordClass.RECORD_CLASS_PROCEDURES,
  "social-history": RecordClass.RECORD_CLASS_NOTES,
  exam: RecordClass.RECORD_CLASS_NOTES,
  survey: RecordClass.RECORD_CLASS_NOTES,
};

function categoryCodes(resource: ClassifiableResource): string[] {
  const categories: unknown[] = resource.category === undefined ? [] : Array.isArray(resource.category) ? resource.category : [resource.category];
  return categories.flatMap((c) => {
    const coding = (c as { coding?: unknown } | null)?.coding;
    return Array.isArray(coding) ? coding.map((x) => String((x as { code?: unknown }).code ?? "")) : [];
  });
}

/**
 * The coarse class the chain records for a resource: by category for Observation and
 * DiagnosticReport (vital signs, laboratory, imaging…), by type for the rest. Undefined when the
 * resource type is not one the network anchors.
 */
export function recordClassOf(resource: ClassifiableResource): RecordClass | undefined {
  if (resource.resourceType === "Observation" || resource.resourceType === "DiagnosticReport") {
    for (const code of categoryCodes(resource)) {
      const c = BY_CATEGORY[code];
      if (c !== undefined) return c;
    }
    return resource.resourceType === "DiagnosticReport" ? RecordClass.RECORD_CLASS_LABS : RecordClass.RECORD_CLASS_NOTES;
  }
  return BY_TYPE[resource.resourceType];
}

/** Labels for people: RECORD_CLASS_VITALS → "Vitals". */
export function recordClassLabel(recordClass: RecordClass): string {
  const name = RecordClass[recordClass]?.replace(/^RECORD_CLASS_/, "") ?? "UNKNOWN";
  return name.charAt(0) + name.slice(1).toLowerCase();
}
