import { secp256k1 } from "@noble/curves/secp256k1.js";
import { DeviceKind, OrganizationType, Role, type OrganizationIdentifiers } from "@precision/proto";
import type { ChainError } from "../../../runtime/errors/registry.js";
import { IdentityErrors } from "./errors.js";
import { glnProblem, ndcLabelerCodeProblem, npiProblem, payerIdProblem } from "./identifiers.js";
import type { IdentifierKind } from "./keys.js";
import { ID_PATTERN, MAX_NAME_LENGTH, MAX_ROLES } from "./params.js";

/** Characters, not UTF-16 units, as users count them. */
export function charLength(text: string): number {
  return [...text].length;
}

export function validateOrganizationId(id: string): void {
  if (!ID_PATTERN.test(id)) throw IdentityErrors.invalidOrganizationId.wrap(`organization id "${id}" must match ${ID_PATTERN.source}`);
}

export function validateDeviceId(id: string): void {
  if (!ID_PATTERN.test(id)) throw IdentityErrors.invalidDeviceId.wrap(`device id "${id}" must match ${ID_PATTERN.source}`);
}

export function validateName(name: string): void {
  const n = charLength(name);
  if (n < 1 || n > MAX_NAME_LENGTH) throw IdentityErrors.invalidField.wrap(`name must be 1-${MAX_NAME_LENGTH} characters, got ${n}`);
}

export function validateText(field: string, text: string, max: number): void {
  const n = charLength(text);
  if (n > max) throw IdentityErrors.invalidField.wrap(`${field} must be at most ${max} characters, got ${n}`);
}

export function validateOrganizationType(type: OrganizationType): void {
  if (type === OrganizationType.ORGANIZATION_TYPE_UNSPECIFIED || OrganizationType[type] === undefined || type < 0) {
    throw IdentityErrors.invalidOrganizationType.wrap(`organization type ${type} is not a registrable type`);
  }
}

/** The non-empty identifiers of an organisation, each validated, in a fixed order. */
export function identifierEntries(ids: OrganizationIdentifiers | undefined): [IdentifierKind, string][] {
  if (ids === undefined) return [];
  const checks: [IdentifierKind, string, (v: string) => string | undefined][] = [
    ["npi", ids.npi, npiProblem],
    ["gln", ids.gln, glnProblem],
    ["payer_id", ids.payerId, payerIdProblem],
    ["ndc_labeler_code", ids.ndcLabelerCode, ndcLabelerCodeProblem],
  ];
  const out: [IdentifierKind, string][] = [];
  for (const [kind, value, problem] of checks) {
    if (value === "") continue;
    const why = problem(value);
    if (why !== undefined) throw IdentityErrors.invalidIdentifier.wrap(why);
    out.push([kind, value]);
  }
  return out;
}

export function validateCompressedKey(key: Uint8Array, error: ChainError["root"], what: string): void {
  if (key.length !== 33) throw error.wrap(`${what} must be a 33-byte compressed secp256k1 key, got ${key.length} bytes`);
  try {
    secp256k1.Point.fromBytes(key);
  } catch {
    throw error.wrap(`${what} is not a point on secp256k1`);
  }
}

export function validateRoles(roles: readonly Role[]): void {
  if (roles.length === 0) throw IdentityErrors.invalidRoles.wrap("a member needs at least one role");
  if (roles.length > MAX_ROLES) throw IdentityErrors.invalidRoles.wrap(`at most ${MAX_ROLES} roles`);
  const seen = new Set<Role>();
  for (const role of roles) {
    if (role === Role.ROLE_UNSPECIFIED || Role[role] === undefined || role < 0) throw IdentityErrors.invalidRoles.wrap(`role ${role} is not assignable`);
    if (seen.has(role)) throw IdentityErrors.invalidRoles.wrap(`role ${Role[role]} is listed twice`);
    seen.add(role);
  }
}

export function validateDeviceKind(kind: DeviceKind): void {
  if (kind === DeviceKind.DEVICE_KIND_UNSPECIFIED || DeviceKind[kind] === undefined || kind < 0) {
    throw IdentityErrors.invalidDeviceKind.wrap(`device kind ${kind} is not registrable`);
  }
}

export { requireAccountAddress } from "../../../runtime/module/kit.js";
