import { descendingU64Key, lengthPrefixed, storeKey, u64Key } from "../../../runtime/module/kit.js";

export const MODULE_NAME = "access";
export const STORE_KEY = "access";

/**
 * State layout under "access/" (strings UTF-8, `len` one byte, ids big-endian u64; ^id is a
 * descending id so that a prefix scan lists the newest first):
 *   0x01                                                   → Params
 *   0x02 | grant id                                        → Grant
 *   0x03 | len(patient) | patient | ^grant id              → empty (a patient's grants)
 *   0x04 | len(grantee) | grantee | len(patient) | patient | grant id → empty (grants to an
 *          account, or to "org:<id>")
 *   0x05 | rule id                                         → EmergencyRule
 *   0x06 | len(patient) | patient | rule id                → empty (a patient's rules)
 *   0x07 | entry id                                        → AccessLogEntry
 *   0x08 | len(patient) | patient | ^entry id              → empty (a patient's access log)
 *   0x09 / 0x0a / 0x0b                                     → next grant / rule / entry id
 */
export const PARAMS_KEY = Uint8Array.of(0x01);
export const GRANT_PREFIX = Uint8Array.of(0x02);
const GRANTS_BY_PATIENT = Uint8Array.of(0x03);
const GRANTS_BY_GRANTEE = Uint8Array.of(0x04);
export const RULE_PREFIX = Uint8Array.of(0x05);
const RULES_BY_PATIENT = Uint8Array.of(0x06);
export const ENTRY_PREFIX = Uint8Array.of(0x07);
const ENTRIES_BY_PATIENT = Uint8Array.of(0x08);
export const NEXT_GRANT_ID_KEY = Uint8Array.of(0x09);
export const NEXT_RULE_ID_KEY = Uint8Array.of(0x0a);
export const NEXT_ENTRY_ID_KEY = Uint8Array.of(0x0b);

/** The grantee key of an organisation: grants to it are indexed under "org:<id>". */
export function organizationGrantee(organizationId: string): string {
  return `org:${organizationId}`;
}

export const grantKey = (id: bigint) => storeKey(GRANT_PREFIX, u64Key(id));
export const grantsOfPatientPrefix = (patient: string) => storeKey(GRANTS_BY_PATIENT, lengthPrefixed(patient));
export const patientGrantKey = (patient: string, id: bigint) => storeKey(grantsOfPatientPrefix(patient), descendingU64Key(id));
export const grantsToGranteePrefix = (grantee: string) => storeKey(GRANTS_BY_GRANTEE, lengthPrefixed(grantee));
export const grantsToGranteeFromPatientPrefix = (grantee: string, patient: string) => storeKey(grantsToGranteePrefix(grantee), lengthPrefixed(patient));
export const granteeGrantKey = (grantee: string, patient: string, id: bigint) => storeKey(grantsToGranteeFromPatientPrefix(grantee, patient), u64Key(id));
export const ruleKey = (id: bigint) => storeKey(RULE_PREFIX, u64Key(id));
export const rulesOfPatientPrefix = (patient: string) => storeKey(RULES_BY_PATIENT, lengthPrefixed(patient));
export const patientRuleKey = (patient: string, id: bigint) => storeKey(rulesOfPatientPrefix(patient), u64Key(id));
export const entryKey = (id: bigint) => storeKey(ENTRY_PREFIX, u64Key(id));
export const entriesOfPatientPrefix = (patient: string) => storeKey(ENTRIES_BY_PATIENT, lengthPrefixed(patient));
export const patientEntryKey = (patient: string, id: bigint) => storeKey(entriesOfPatientPrefix(patient), descendingU64Key(id));
