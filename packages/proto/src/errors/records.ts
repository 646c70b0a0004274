import { moduleErrorTable } from "./module-table.js";

export const RECORDS_CODESPACE = "records";

/** The records module's error table. Append only. */
export const { errors: recordsErrors, table: recordsErrorTable } = moduleErrorTable(RECORDS_CODESPACE, {
  unauthorized: [2, "unauthorized", "signer may not anchor records for this patient"],
  recordNotFound: [3, "record_not_found", "record not found"],
  recordAlreadyExists: [4, "record_already_exists", "record already exists"],
  invalidRecordId: [5, "invalid_record_id", "invalid record id"],
  invalidResourceType: [6, "invalid_resource_type", "invalid FHIR resource type"],
  invalidRecordClass: [7, "invalid_record_class", "invalid record class"],
  invalidHash: [8, "invalid_hash", "invalid ciphertext hash"],
  invalidLocator: [9, "invalid_locator", "invalid vault locator"],
  invalidLink: [10, "invalid_link", "invalid amends or supersedes link"],
  missingKey: [11, "missing_key", "a required wrapped key is missing"],
  invalidKey: [12, "invalid_key", "invalid wrapped key"],
  noTreatmentRelationship: [13, "no_treatment_relationship", "no live treatment relationship with the patient"],
  invalidField: [14, "invalid_field", "invalid field value"],
});

export type RecordsErrorName = keyof typeof recordsErrors;
