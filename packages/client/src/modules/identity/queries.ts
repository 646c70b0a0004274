import type { QueryClient } from "@cosmjs/stargate";
import { createPagination, createProtobufRpcClient } from "@cosmjs/stargate";
import type {
  Device,
  Member,
  Organization,
  OrganizationType,
  QueryDevicesByOwnerResponse,
  QueryMembersByOrganizationResponse,
  QueryMembershipsByAccountResponse,
  QueryOrganizationsResponse,
} from "@precision/proto";
import { IdentityQueryClientImpl } from "@precision/proto";
import { present } from "../compose.js";

/** Exactly one registry identifier to look an organisation up by. */
export type OrganizationIdentifierLookup =
  | { readonly npi: string }
  | { readonly gln: string }
  | { readonly payerId: string }
  | { readonly ndcLabelerCode: string };

export type DeviceOwnerLookup =
  { readonly patientAddress: string } | { readonly carrierOrganizationId: string };

/** List queries return one page; pass the previous response's `pagination.nextKey` for the next. */
export interface IdentityExtension {
  readonly identity: {
    readonly authority: () => Promise<string>;
    readonly organization: (id: string) => Promise<Organization>;
    readonly organizations: (
      type?: OrganizationType,
      paginationKey?: Uint8Array,
    ) => Promise<QueryOrganizationsResponse>;
    readonly organizationByIdentifier: (
      identifier: OrganizationIdentifierLookup,
    ) => Promise<Organization>;
    readonly member: (organizationId: string, address: string) => Promise<Member>;
    readonly membersByOrganization: (
      organizationId: string,
      paginationKey?: Uint8Array,
    ) => Promise<QueryMembersByOrganizationResponse>;
    readonly membershipsByAccount: (
      address: string,
      paginationKey?: Uint8Array,
    ) => Promise<QueryMembershipsByAccountResponse>;
    readonly device: (id: string) => Promise<Device>;
    readonly devicesByOwner: (
      owner: DeviceOwnerLookup,
      paginationKey?: Uint8Array,
    ) => Promise<QueryDevicesByOwnerResponse>;
  };
}

export function setupIdentityExtension(base: QueryClient): IdentityExtension {
  const queryService = new IdentityQueryClientImpl(createProtobufRpcClient(base));

  return {
    identity: {
      authority: async () => (await queryService.Authority({})).authority,
      organization: async (id) =>
        present((await queryService.Organization({ id })).organization, "an organization"),
      organizations: async (type, paginationKey) =>
        queryService.Organizations({
          type: type ?? 0,
          pagination: createPagination(paginationKey),
        }),
      organizationByIdentifier: async (identifier) =>
        present(
          (await queryService.OrganizationByIdentifier(identifier)).organization,
          "an organization",
        ),
      member: async (organizationId, address) =>
        present((await queryService.Member({ organizationId, address })).member, "a member"),
      membersByOrganization: async (organizationId, paginationKey) =>
        queryService.MembersByOrganization({
          organizationId,
          pagination: createPagination(paginationKey),
        }),
      membershipsByAccount: async (address, paginationKey) =>
        queryService.MembershipsByAccount({ address, pagination: createPagination(paginationKey) }),
      device: async (id) => present((await queryService.Device({ id })).device, "a device"),
      devicesByOwner: async (owner, paginationKey) =>
        queryService.DevicesByOwner({ ...owner, pagination: createPagination(paginationKey) }),
    },
  };
}
