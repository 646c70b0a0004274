import { Purpose, Role, type Params } from "@precision/proto";
import { requireAccountAddress } from "../../../runtime/module/kit.js";
import { AccessErrors } from "./errors.js";

export const DAY_SECONDS = 86_400n;

export function defaultParams(): Params {
  return {
    authority: "",
    vaultOperators: [],
    breakGlassSeconds: 4n * 3_600n,
    maxGrantSeconds: 730n * DAY_SECONDS,
    maxEmergencySeconds: 7n * DAY_SECONDS,
  };
}

/** Returns the params with canonical addresses, or throws invalid_params. */
export function validateParams(params: Params): Params {
  const addresses = (list: readonly string[], field: string) => {
    const out = list.map((a) => requireAccountAddress(a, field));
    if (new Set(out).size !== out.length) throw AccessErrors.invalidParams.wrap(`${field} lists an address twice`);
    return out;
  };
  const positive = (n: bigint, field: string, max: bigint) => {
    if (n <= 0n || n > max) throw AccessErrors.invalidParams.wrap(`${field} must be 1-${max} seconds, got ${n}`);
  };
  positive(params.breakGlassSeconds, "break_glass_seconds", DAY_SECONDS);
  positive(params.maxGrantSeconds, "max_grant_seconds", 3_650n * DAY_SECONDS);
  positive(params.maxEmergencySeconds, "max_emergency_seconds", 90n * DAY_SECONDS);
  if (params.vaultOperators.length > 16) throw AccessErrors.invalidParams.wrap("at most 16 vault operators");
  return {
    ...params,
    authority: params.authority === "" ? "" : requireAccountAddress(params.authority, "authority"),
    vaultOperators: addresses(params.vaultOperators, "vault operator"),
  };
}

/** Purposes a patient may grant. PATRQT is the patient's own reads and is never granted. */
export const GRANTABLE_PURPOSES: readonly Purpose[] = [
  Purpose.PURPOSE_TREAT,
  Purpose.PURPOSE_ETREAT,
  Purpose.PURPOSE_HRESCH,
  Purpose.PURPOSE_HPAYMT,
  Purpose.PURPOSE_HOPERAT,
];
/**
 * Who in a grantee organisation reads under its grant: the roles its purpose of use calls for
 * (HIPAA minimum necessary), so a consent for treatment does not open the chart to billing.
 */
export const PURPOSE_ROLES: ReadonlyMap<Purpose, readonly Role[]> = new Map([
  [Purpose.PURPOSE_TREAT, [Role.ROLE_CLINICIAN, Role.ROLE_LAB_TECHNICIAN, Role.ROLE_PHARMACIST]],
  [Purpose.PURPOSE_ETREAT, [Role.ROLE_CLINICIAN, Role.ROLE_LAB_TECHNICIAN, Role.ROLE_PHARMACIST]],
  [Purpose.PURPOSE_HRESCH, [Role.ROLE_RESEARCHER]],
  [Purpose.PURPOSE_HPAYMT, [Role.ROLE_CLAIMS_REVIEWER, Role.ROLE_BILLING]],
  [Purpose.PURPOSE_HOPERAT, [Role.ROLE_ADMIN, Role.ROLE_AUDITOR]],
]);
/** Purposes under which a grantee may also author records (a treatment relationship). */
export const TREATMENT_PURPOSES: readonly Purpose[] = [Purpose.PURPOSE_TREAT, Purpose.PURPOSE_ETREAT];
/** Coded break-glass reasons: the chain never stores free text, which could carry PHI. */
export const BREAK_GLASS_REASONS: readonly string[] = [
  "patient-unresponsive",
  "life-threatening-emergency",
  "consent-unobtainable",
  "urgent-continuity-of-care",
];
/** A device alert class, e.g. "ecg.afib" (matches the alerts module's vocabulary). */
export const TRIGGER_CODE_PATTERN = /^[a-z0-9]+(\.[a-z0-9-]+)+$/;
export const MAX_SCOPE_ENTRIES = 256;
export const MAX_GRANT_KEYS = 1_024;
export const MAX_RULES_PER_PATIENT = 16;
/** How far back an emergency rule may reach: the history a clinician needs in an emergency. */
export const MAX_LOOK_BACK_SECONDS = 5n * 365n * DAY_SECONDS;
