import { DeviceKind, OrganizationType } from "@precision/proto";
import { GenesisState } from "@precision/proto/precision/identity/v1/genesis";
import { MAX_MODEL_LENGTH, MAX_TITLE_LENGTH } from "./params.js";
import {
  identifierEntries,
  requireAccountAddress,
  validateCompressedKey,
  validateDeviceId,
  validateDeviceKind,
  validateName,
  validateOrganizationId,
  validateOrganizationType,
  validateRoles,
  validateText,
} from "./validation.js";
import { IdentityErrors } from "./errors.js";

/** Genesis JSON is GenesisState in proto3 JSON (lowerCamelCase; snake_case is accepted on input). */
export type IdentityGenesisJson = Record<string, unknown>;

export function defaultGenesis(): IdentityGenesisJson {
  return GenesisState.toJSON({ authority: "", organizations: [], members: [], devices: [] }) as IdentityGenesisJson;
}

function fail(what: string, err: unknown): never {
  throw new Error(`identity genesis: ${what}: ${(err as Error).message}`, { cause: err });
}

/**
 * Parses and validates identity genesis with the same rules the messages enforce, plus the
 * cross-references: members name an organisation in genesis, sensors a CARRIER organisation.
 */
export function parseGenesis(json: unknown): GenesisState {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error("identity genesis must be an object");
  const state = GenesisState.fromJSON(json);
  if (state.authority !== "") {
    try {
      state.authority = requireAccountAddress(state.authority, "authority");
    } catch (err) {
      fail("authority", err);
    }
  }
  const orgs = new Map<string, OrganizationType>();
  const identifiers = new Map<string, string>();
  for (const org of state.organizations) {
    try {
      validateOrganizationId(org.id);
      validateOrganizationType(org.type);
      validateName(org.name);
      if (org.encryptionPublicKey.length > 0) validateCompressedKey(org.encryptionPublicKey, IdentityErrors.invalidPublicKey, "encryption public key");
      for (const [kind, value] of identifierEntries(org.identifiers)) {
        const key = `${kind}:${value}`;
        if (identifiers.has(key)) throw IdentityErrors.identifierAlreadyUsed.wrap(`${kind} ${value} is used by ${identifiers.get(key)} and ${org.id}`);
        identifiers.set(key, org.id);
      }
    } catch (err) {
      fail(`organization ${org.id}`, err);
    }
    if (orgs.has(org.id)) throw new Error(`identity genesis: duplicate organization ${org.id}`);
    orgs.set(org.id, org.type);
  }
  const members = new Set<string>();
  for (const member of state.members) {
    try {
      member.address = requireAccountAddress(member.address, "member");
      validateRoles(member.roles);
      validateText("title", member.title, MAX_TITLE_LENGTH);
    } catch (err) {
      fail(`member ${member.address} of ${member.organizationId}`, err);
    }
    if (!orgs.has(member.organizationId)) throw new Error(`identity genesis: member ${member.address} names unknown organization ${member.organizationId}`);
    const key = `${member.organizationId}/${member.address}`;
    if (members.has(key)) throw new Error(`identity genesis: duplicate member ${key}`);
    members.add(key);
  }
  const devices = new Set<string>();
  for (const device of state.devices) {
    try {
      validateDeviceId(device.id);
      validateDeviceKind(device.kind);
      validateCompressedKey(device.publicKey, IdentityErrors.invalidPublicKey, "device public key");
      validateText("model", device.model, MAX_MODEL_LENGTH);
      validateText("manufacturer", device.manufacturer, MAX_MODEL_LENGTH);
      if (device.kind === DeviceKind.DEVICE_KIND_WEARABLE) {
        if (device.patientAddress === undefined) throw IdentityErrors.invalidDeviceOwner.wrap("a wearable needs patient_address");
        device.patientAddress = requireAccountAddress(device.patientAddress, "patient");
      } else if (orgs.get(device.carrierOrganizationId ?? "") !== OrganizationType.ORGANIZATION_TYPE_CARRIER) {
        throw IdentityErrors.invalidDeviceOwner.wrap(`sensor carrier ${device.carrierOrganizationId ?? "(none)"} is not a CARRIER organization in genesis`);
      }
    } catch (err) {
      fail(`device ${device.id}`, err);
    }
    if (devices.has(device.id)) throw new Error(`identity genesis: duplicate device ${device.id}`);
    devices.add(device.id);
  }
  return state;
}
