import { Purpose, RecordClass, type GrantKey, type Scope } from "@precision/proto";
import { isWrappedKey, RECORD_ID_PATTERN, SLUG_PATTERN as ORGANIZATION_ID_PATTERN, WRAPPED_KEY_BYTES } from "../../../runtime/module/formats.js";
import { requireAccountAddress } from "../../../runtime/module/kit.js";
import { AccessErrors } from "./errors.js";
import { GRANTABLE_PURPOSES, MAX_GRANT_KEYS, MAX_SCOPE_ENTRIES, TRIGGER_CODE_PATTERN } from "./params.js";


/** Exactly one grantee: another person's account, or an organisation id. */
export function validateGrantee(patient: string, grantee: string, organizationId: string): { grantee: string; organizationId: string } {
  if ((grantee === "") === (organizationId === "")) throw AccessErrors.invalidGrantee.wrap("set exactly one of grantee and grantee_organization_id");
  if (organizationId !== "") {
    if (!ORGANIZATION_ID_PATTERN.test(organizationId)) throw AccessErrors.invalidGrantee.wrap(`organization id ${JSON.stringify(organizationId)} is malformed`);
    return { grantee: "", organizationId };
  }
  const address = requireAccountAddress(grantee, "grantee");
  if (address === patient) throw AccessErrors.invalidGrantee.wrap("a patient needs no grant to read their own records");
  return { grantee: address, organizationId: "" };
}

export function validateClasses(classes: readonly RecordClass[]): void {
  if (classes.length > MAX_SCOPE_ENTRIES) throw AccessErrors.invalidScope.wrap(`at most ${MAX_SCOPE_ENTRIES} classes`);
  const seen = new Set<RecordClass>();
  for (const c of classes) {
    if (c === RecordClass.RECORD_CLASS_UNSPECIFIED || RecordClass[c] === undefined || c < 0) throw AccessErrors.invalidScope.wrap(`record class ${c} is not a class`);
    if (seen.has(c)) throw AccessErrors.invalidScope.wrap(`class ${RecordClass[c]} is listed twice`);
    seen.add(c);
  }
}

/** `all`, or a non-empty list of classes and/or records; nothing listed twice. */
export function validateScope(scope: Scope | undefined): Scope {
  if (scope === undefined) throw AccessErrors.invalidScope.wrap("a grant needs a scope");
  const listed = scope.classes.length + scope.recordIds.length;
  if (scope.all && listed > 0) throw AccessErrors.invalidScope.wrap("a scope of all data lists no classes or records");
  if (!scope.all && listed === 0) throw AccessErrors.invalidScope.wrap("a scope is all data, or lists classes or records");
  validateClasses(scope.classes);
  if (scope.recordIds.length > MAX_SCOPE_ENTRIES) throw AccessErrors.invalidScope.wrap(`at most ${MAX_SCOPE_ENTRIES} records`);
  if (new Set(scope.recordIds).size !== scope.recordIds.length) throw AccessErrors.invalidScope.wrap("a record is listed twice");
  for (const id of scope.recordIds) if (!RECORD_ID_PATTERN.test(id)) throw AccessErrors.invalidScope.wrap(`record id ${JSON.stringify(id)} is malformed`);
  if (scope.recordsFrom !== undefined && scope.recordsFrom.seconds < 0n) throw AccessErrors.invalidScope.wrap("records_from is before the epoch");
  return scope;
}

export function validateGrantablePurpose(purpose: Purpose): void {
  if (!GRANTABLE_PURPOSES.includes(purpose)) throw AccessErrors.invalidPurpose.wrap(`purpose ${Purpose[purpose] ?? purpose} cannot be granted`);
}

export function validateGrantKeys(keys: readonly GrantKey[]): void {
  if (keys.length > MAX_GRANT_KEYS) throw AccessErrors.invalidKey.wrap(`at most ${MAX_GRANT_KEYS} keys per message`);
  const seen = new Set<string>();
  for (const key of keys) {
    if (!RECORD_ID_PATTERN.test(key.recordId)) throw AccessErrors.invalidKey.wrap(`record id ${JSON.stringify(key.recordId)} is malformed`);
    if (!isWrappedKey(key.wrappedKey)) {
      throw AccessErrors.invalidKey.wrap(`key for ${key.recordId} must be a ${WRAPPED_KEY_BYTES}-byte version-1 wrapped key, got ${key.wrappedKey.length} bytes`);
    }
    if (seen.has(key.recordId)) throw AccessErrors.invalidKey.wrap(`two keys for ${key.recordId}`);
    seen.add(key.recordId);
  }
}

export function validateTriggerCode(code: string): void {
  if (code.length > 64 || !TRIGGER_CODE_PATTERN.test(code)) throw AccessErrors.invalidRule.wrap(`trigger code ${JSON.stringify(code)} must look like "ecg.afib"`);
}
