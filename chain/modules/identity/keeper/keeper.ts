import type { PageRequest } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";
import { Device, Member, Organization, OrganizationType } from "@precision/proto";
import type { Context } from "../../../runtime/context/context.js";
import { paginate, type Page } from "../../../runtime/query/pagination.js";
import { prefixEnd } from "../../../runtime/store/bytes.js";
import type { KVStore } from "../../../runtime/store/types.js";
import { IdentityErrors } from "../types/errors.js";
import {
  AUTHORITY_KEY,
  deviceKey,
  deviceOwnerKey,
  devicesOfOwnerPrefix,
  DEVICE_PREFIX,
  identifierKey,
  memberKey,
  membershipKey,
  membershipsOfAccountPrefix,
  membersOfOrganizationPrefix,
  MEMBER_PREFIX,
  organizationKey,
  ORGANIZATION_PREFIX,
  STORE_KEY,
  type DeviceOwnerKind,
  type IdentifierKind,
} from "../types/keys.js";
import { identifierEntries } from "../types/validation.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const EMPTY = new Uint8Array();

/** The device's owner as an index entry. */
export function deviceOwner(device: Device): [DeviceOwnerKind, string] | undefined {
  if (device.patientAddress !== undefined) return ["patient", device.patientAddress];
  if (device.carrierOrganizationId !== undefined) return ["carrier", device.carrierOrganizationId];
  return undefined;
}

/**
 * The only writer of "identity/". Records are stored whole (protobuf) and found through
 * secondary indexes that the keeper keeps in step on every write.
 */
export class IdentityKeeper {
  private store(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  getAuthority(ctx: Context): string {
    const bytes = this.store(ctx).get(AUTHORITY_KEY);
    return bytes === undefined ? "" : decoder.decode(bytes);
  }

  setAuthority(ctx: Context, authority: string): void {
    this.store(ctx).set(AUTHORITY_KEY, encoder.encode(authority));
  }

  /** Throws the module's unauthorized error unless `signer` is the current authority. */
  assertAuthority(ctx: Context, signer: string): void {
    const authority = this.getAuthority(ctx);
    if (authority === "" || signer !== authority) {
      throw IdentityErrors.unauthorized.wrap(`expected ${authority === "" ? "a configured authority" : authority}, got ${signer}`);
    }
  }

  getOrganization(ctx: Context, id: string): Organization | undefined {
    const bytes = this.store(ctx).get(organizationKey(id));
    return bytes === undefined ? undefined : Organization.decode(bytes);
  }

  requireOrganization(ctx: Context, id: string): Organization {
    const org = this.getOrganization(ctx, id);
    if (org === undefined) throw IdentityErrors.organizationNotFound.wrap(`organization ${id}`);
    return org;
  }

  requireActiveOrganization(ctx: Context, id: string): Organization {
    const org = this.requireOrganization(ctx, id);
    if (!org.active) throw IdentityErrors.organizationInactive.wrap(`organization ${id}`);
    return org;
  }

  organizationIdByIdentifier(ctx: Context, kind: IdentifierKind, value: string): string | undefined {
    const bytes = this.store(ctx).get(identifierKey(kind, value));
    return bytes === undefined ? undefined : decoder.decode(bytes);
  }

  /**
   * Writes an organisation and re-points its identifier index: identifiers it no longer has are
   * released, new ones must not belong to another organisation.
   */
  setOrganization(ctx: Context, org: Organization, previous?: Organization): void {
    const store = this.store(ctx);
    const next = identifierEntries(org.identifiers);
    for (const [kind, value] of next) {
      const owner = this.organizationIdByIdentifier(ctx, kind, value);
      if (owner !== undefined && owner !== org.id) {
        throw IdentityErrors.identifierAlreadyUsed.wrap(`${kind} ${value} belongs to organization ${owner}`);
      }
    }
    for (const [kind, value] of identifierEntries(previous?.identifiers)) {
      if (!next.some(([k, v]) => k === kind && v === value)) store.delete(identifierKey(kind, value));
    }
    for (const [kind, value] of next) store.set(identifierKey(kind, value), encoder.encode(org.id));
    store.set(organizationKey(org.id), Organization.encode(org).finish());
  }

  listOrganizations(ctx: Context, type: OrganizationType, page?: PageRequest): Page<Organization> {
    return paginate(this.store(ctx), ORGANIZATION_PREFIX, page, (_key, value) => {
      const org = Organization.decode(value);
      return type === OrganizationType.ORGANIZATION_TYPE_UNSPECIFIED || org.type === type ? org : undefined;
    });
  }

  getMember(ctx: Context, organizationId: string, address: string): Member | undefined {
    const bytes = this.store(ctx).get(memberKey(organizationId, address));
    return bytes === undefined ? undefined : Member.decode(bytes);
  }

  setMember(ctx: Context, member: Member): void {
    const store = this.store(ctx);
    store.set(memberKey(member.organizationId, member.address), Member.encode(member).finish());
    store.set(membershipKey(member.address, member.organizationId), EMPTY);
  }

  listMembers(ctx: Context, organizationId: string, page?: PageRequest): Page<Member> {
    return paginate(this.store(ctx), membersOfOrganizationPrefix(organizationId), page, (_key, value) => Member.decode(value));
  }

  listMemberships(ctx: Context, address: string, page?: PageRequest): Page<Member> {
    return paginate(this.store(ctx), membershipsOfAccountPrefix(address), page, (key) =>
      this.getMember(ctx, decoder.decode(key), address),
    );
  }

  /** Every membership of an account (active or not), in organisation id order. */
  membershipsOf(ctx: Context, address: string): Member[] {
    const prefix = membershipsOfAccountPrefix(address);
    const out: Member[] = [];
    for (const [key] of this.store(ctx).iterator(prefix, prefixEnd(prefix))) {
      const member = this.getMember(ctx, decoder.decode(key.subarray(prefix.length)), address);
      if (member !== undefined) out.push(member);
    }
    return out;
  }

  getDevice(ctx: Context, id: string): Device | undefined {
    const bytes = this.store(ctx).get(deviceKey(id));
    return bytes === undefined ? undefined : Device.decode(bytes);
  }

  setDevice(ctx: Context, device: Device): void {
    const store = this.store(ctx);
    store.set(deviceKey(device.id), Device.encode(device).finish());
    const owner = deviceOwner(device);
    if (owner !== undefined) store.set(deviceOwnerKey(owner[0], owner[1], device.id), EMPTY);
  }

  listDevicesByOwner(ctx: Context, kind: DeviceOwnerKind, owner: string, page?: PageRequest): Page<Device> {
    return paginate(this.store(ctx), devicesOfOwnerPrefix(kind, owner), page, (key) => this.getDevice(ctx, decoder.decode(key)));
  }

  /** Every record, in key order, for genesis export. */
  allOrganizations(ctx: Context): Organization[] {
    return [...this.store(ctx).iterator(ORGANIZATION_PREFIX, Uint8Array.of(ORGANIZATION_PREFIX[0]! + 1))].map(([, v]) => Organization.decode(v));
  }

  allMembers(ctx: Context): Member[] {
    return [...this.store(ctx).iterator(MEMBER_PREFIX, Uint8Array.of(MEMBER_PREFIX[0]! + 1))].map(([, v]) => Member.decode(v));
  }

  allDevices(ctx: Context): Device[] {
    return [...this.store(ctx).iterator(DEVICE_PREFIX, Uint8Array.of(DEVICE_PREFIX[0]! + 1))].map(([, v]) => Device.decode(v));
  }
}
