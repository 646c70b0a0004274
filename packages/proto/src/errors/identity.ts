import type { ModuleErrorDefinition } from "./module-error.js";

export const IDENTITY_CODESPACE = "identity";

function identityError(code: number, name: string, message: string) {
  return {
    codespace: IDENTITY_CODESPACE,
    code,
    name,
    message,
  } as const satisfies ModuleErrorDefinition<typeof IDENTITY_CODESPACE>;
}

/** The identity module's error table. Append only. */
export const identityErrors = {
  unauthorized: identityError(2, "unauthorized", "signer is not the identity authority"),
  organizationNotFound: identityError(3, "organization_not_found", "organization not found"),
  organizationAlreadyExists: identityError(
    4,
    "organization_already_exists",
    "organization already exists",
  ),
  organizationInactive: identityError(5, "organization_inactive", "organization is inactive"),
  invalidOrganizationId: identityError(6, "invalid_organization_id", "invalid organization id"),
  invalidOrganizationType: identityError(
    7,
    "invalid_organization_type",
    "invalid organization type",
  ),
  invalidIdentifier: identityError(8, "invalid_identifier", "invalid organization identifier"),
  identifierAlreadyUsed: identityError(
    9,
    "identifier_already_used",
    "identifier already belongs to another organization",
  ),
  memberNotFound: identityError(10, "member_not_found", "member not found"),
  memberAlreadyExists: identityError(11, "member_already_exists", "member already exists"),
  memberInactive: identityError(12, "member_inactive", "member is inactive"),
  invalidRoles: identityError(13, "invalid_roles", "invalid member roles"),
  deviceNotFound: identityError(14, "device_not_found", "device not found"),
  deviceAlreadyExists: identityError(15, "device_already_exists", "device already exists"),
  deviceInactive: identityError(16, "device_inactive", "device is inactive"),
  invalidDeviceId: identityError(17, "invalid_device_id", "invalid device id"),
  invalidDeviceKind: identityError(18, "invalid_device_kind", "invalid device kind"),
  invalidPublicKey: identityError(19, "invalid_public_key", "invalid public key"),
  invalidDeviceOwner: identityError(20, "invalid_device_owner", "invalid device owner"),
  invalidField: identityError(21, "invalid_field", "invalid field value"),
} as const;

export type IdentityErrorName = keyof typeof identityErrors;

export const identityErrorTable: readonly ModuleErrorDefinition<typeof IDENTITY_CODESPACE>[] =
  Object.values(identityErrors);
