import { lengthPrefixed, storeKey } from "../../../runtime/module/kit.js";

export const MODULE_NAME = "identity";
export const STORE_KEY = "identity";

/**
 * State layout under "identity/" (strings are UTF-8; `len` is one byte):
 *   0x01                                             → authority address
 *   0x02 | organization id                           → Organization (protobuf)
 *   0x03 | identifier kind | identifier              → organization id (uniqueness index)
 *   0x04 | len(org id) | org id | address            → Member (protobuf)
 *   0x05 | len(address) | address | org id           → empty (memberships of an account)
 *   0x06 | device id                                 → Device (protobuf)
 *   0x07 | owner kind | len(owner) | owner | dev id  → empty (devices of a patient or carrier)
 */
export const AUTHORITY_KEY = Uint8Array.of(0x01);
export const ORGANIZATION_PREFIX = Uint8Array.of(0x02);
export const IDENTIFIER_PREFIX = Uint8Array.of(0x03);
export const MEMBER_PREFIX = Uint8Array.of(0x04);
export const MEMBERSHIP_PREFIX = Uint8Array.of(0x05);
export const DEVICE_PREFIX = Uint8Array.of(0x06);
export const DEVICE_OWNER_PREFIX = Uint8Array.of(0x07);

export type IdentifierKind = "npi" | "gln" | "payer_id" | "ndc_labeler_code";
const IDENTIFIER_KIND_BYTE: Record<IdentifierKind, number> = { npi: 1, gln: 2, payer_id: 3, ndc_labeler_code: 4 };

export type DeviceOwnerKind = "patient" | "carrier";
const OWNER_KIND_BYTE: Record<DeviceOwnerKind, number> = { patient: 1, carrier: 2 };

export function organizationKey(id: string): Uint8Array {
  return storeKey(ORGANIZATION_PREFIX, id);
}

export function identifierKey(kind: IdentifierKind, value: string): Uint8Array {
  return storeKey(IDENTIFIER_PREFIX, [IDENTIFIER_KIND_BYTE[kind]], value);
}

export function membersOfOrganizationPrefix(organizationId: string): Uint8Array {
  return storeKey(MEMBER_PREFIX, lengthPrefixed(organizationId));
}

export function memberKey(organizationId: string, address: string): Uint8Array {
  return storeKey(membersOfOrganizationPrefix(organizationId), address);
}

export function membershipsOfAccountPrefix(address: string): Uint8Array {
  return storeKey(MEMBERSHIP_PREFIX, lengthPrefixed(address));
}

export function membershipKey(address: string, organizationId: string): Uint8Array {
  return storeKey(membershipsOfAccountPrefix(address), organizationId);
}

export function deviceKey(id: string): Uint8Array {
  return storeKey(DEVICE_PREFIX, id);
}

export function devicesOfOwnerPrefix(kind: DeviceOwnerKind, owner: string): Uint8Array {
  return storeKey(DEVICE_OWNER_PREFIX, [OWNER_KIND_BYTE[kind]], lengthPrefixed(owner));
}

export function deviceOwnerKey(kind: DeviceOwnerKind, owner: string, deviceId: string): Uint8Array {
  return storeKey(devicesOfOwnerPrefix(kind, owner), deviceId);
}
