import { moduleErrorTable } from "./module-table.js";

export const ACCESS_CODESPACE = "access";

/** The access module's error table. Append only. */
export const { errors: accessErrors, table: accessErrorTable } = moduleErrorTable(ACCESS_CODESPACE, {
  unauthorized: [2, "unauthorized", "signer may not do this"],
  grantNotFound: [3, "grant_not_found", "grant not found"],
  invalidGrantee: [4, "invalid_grantee", "invalid grantee"],
  invalidScope: [5, "invalid_scope", "invalid scope"],
  invalidPurpose: [6, "invalid_purpose", "invalid purpose of use"],
  invalidPeriod: [7, "invalid_period", "invalid period"],
  grantNotLive: [8, "grant_not_live", "grant is revoked or expired"],
  ruleNotFound: [9, "rule_not_found", "emergency rule not found"],
  invalidRule: [10, "invalid_rule", "invalid emergency rule"],
  notAClinician: [11, "not_a_clinician", "signer is not an active clinician of an active provider"],
  invalidReason: [12, "invalid_reason", "invalid break-glass reason"],
  notAVault: [13, "not_a_vault", "signer is not a registered vault operator"],
  readNotAllowed: [14, "read_not_allowed", "reader may not read this record"],
  invalidKey: [15, "invalid_key", "invalid wrapped key"],
  invalidParams: [16, "invalid_params", "invalid parameters"],
  invalidField: [17, "invalid_field", "invalid field value"],
  recordNotFound: [18, "record_not_found", "record not found"],
  notAMember: [19, "not_a_member", "signer is not an active member of that active organisation"],
});

export type AccessErrorName = keyof typeof accessErrors;
