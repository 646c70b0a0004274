import { identityErrorTable } from "@precision/proto";
import { registerError, type RegisteredError } from "../../../runtime/errors/registry.js";

/** The identity codespace, registered from the shared table in @precision/proto (append-only). */
const registered = new Map<string, RegisteredError>(
  identityErrorTable.map((row) => [row.name, registerError(row.codespace, row.code, row.message)]),
);

function identityError(name: string): RegisteredError {
  const err = registered.get(name);
  if (err === undefined) throw new Error(`identity error ${name} is missing from @precision/proto's identityErrorTable`);
  return err;
}

export const IdentityErrors = {
  unauthorized: identityError("unauthorized"),
  organizationNotFound: identityError("organization_not_found"),
  organizationAlreadyExists: identityError("organization_already_exists"),
  organizationInactive: identityError("organization_inactive"),
  invalidOrganizationId: identityError("invalid_organization_id"),
  invalidOrganizationType: identityError("invalid_organization_type"),
  invalidIdentifier: identityError("invalid_identifier"),
  identifierAlreadyUsed: identityError("identifier_already_used"),
  memberNotFound: identityError("member_not_found"),
  memberAlreadyExists: identityError("member_already_exists"),
  memberInactive: identityError("member_inactive"),
  invalidRoles: identityError("invalid_roles"),
  deviceNotFound: identityError("device_not_found"),
  deviceAlreadyExists: identityError("device_already_exists"),
  deviceInactive: identityError("device_inactive"),
  invalidDeviceId: identityError("invalid_device_id"),
  invalidDeviceKind: identityError("invalid_device_kind"),
  invalidPublicKey: identityError("invalid_public_key"),
  invalidDeviceOwner: identityError("invalid_device_owner"),
  invalidField: identityError("invalid_field"),
} as const satisfies Record<string, RegisteredError>;

