import { OrganizationType, Role } from "@precision/proto";

/**
 * records has no governable parameters: these limits are part of the module's rules (README.md)
 * and change only with a new consensus version.
 */
export const LOCATOR_PATTERN = /^vault:sha256:[0-9a-f]{64}$/;
export const SHA256_BYTES = 32;
export const MAX_KEYS_PER_RECORD = 16;
/** 5 GiB: the largest object a vault accepts is far smaller; this only bounds nonsense. */
export const MAX_CIPHERTEXT_SIZE = 5n * 1024n * 1024n * 1024n;
/** Organisation types that hold clinical data and may author records. */
export const AUTHOR_ORGANIZATION_TYPES: readonly OrganizationType[] = [
  OrganizationType.ORGANIZATION_TYPE_PROVIDER,
  OrganizationType.ORGANIZATION_TYPE_LAB,
  OrganizationType.ORGANIZATION_TYPE_PHARMACY,
];
/** Member roles that may author records for their organisation. */
export const AUTHOR_ROLES: readonly Role[] = [Role.ROLE_CLINICIAN, Role.ROLE_LAB_TECHNICIAN, Role.ROLE_PHARMACIST];
/** FHIR R4 resource types that carry a patient's clinical data. */
export const RESOURCE_TYPES: readonly string[] = [
  "AllergyIntolerance",
  "CarePlan",
  "Condition",
  "DiagnosticReport",
  "DocumentReference",
  "Encounter",
  "FamilyMemberHistory",
  "ImagingStudy",
  "Immunization",
  "Media",
  "MedicationAdministration",
  "MedicationDispense",
  "MedicationRequest",
  "MedicationStatement",
  "MolecularSequence",
  "Observation",
  "Patient",
  "Procedure",
  "ServiceRequest",
  "Specimen",
];
/** The prefix of an organisation recipient in WrappedKey.recipient. */
export const ORGANIZATION_RECIPIENT_PREFIX = "org:";
