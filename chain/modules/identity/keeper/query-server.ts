import {
  QueryAuthorityRequest,
  QueryAuthorityResponse,
  QueryDeviceRequest,
  QueryDeviceResponse,
  QueryDevicesByOwnerRequest,
  QueryDevicesByOwnerResponse,
  QueryMemberRequest,
  QueryMemberResponse,
  QueryMembersByOrganizationRequest,
  QueryMembersByOrganizationResponse,
  QueryMembershipsByAccountRequest,
  QueryMembershipsByAccountResponse,
  QueryOrganizationByIdentifierRequest,
  QueryOrganizationByIdentifierResponse,
  QueryOrganizationRequest,
  QueryOrganizationResponse,
  QueryOrganizationsRequest,
  QueryOrganizationsResponse,
} from "@precision/proto/precision/identity/v1/query";
import { parseAddress } from "../../../runtime/address/bech32-address.js";
import type { Context } from "../../../runtime/context/context.js";
import { invalidArgument, type QueryHandler } from "../../../runtime/router/query-router.js";
import { IdentityErrors } from "../types/errors.js";
import type { IdentifierKind } from "../types/keys.js";
import type { IdentityKeeper } from "./keeper.js";

export const QUERY_SERVICE = "precision.identity.v1.Query";

function address(value: string): string {
  const parsed = parseAddress(value);
  if (!parsed.ok) throw invalidArgument(`invalid address ${JSON.stringify(value)}: ${parsed.error.message}`);
  return parsed.address;
}

/**
 * precision.identity.v1.Query. A missing record answers with the module's *_not_found code and
 * a log ending in its message, which is how @precision/client recognises it.
 */
export function identityQueryServer(keeper: IdentityKeeper): Record<string, QueryHandler> {
  return {
    Authority(ctx: Context, data: Uint8Array): Uint8Array {
      QueryAuthorityRequest.decode(data);
      return QueryAuthorityResponse.encode({ authority: keeper.getAuthority(ctx) }).finish();
    },
    Organization(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryOrganizationRequest.decode(data);
      if (req.id === "") throw invalidArgument("organization id must not be empty");
      return QueryOrganizationResponse.encode({ organization: keeper.requireOrganization(ctx, req.id) }).finish();
    },
    Organizations(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryOrganizationsRequest.decode(data);
      const page = keeper.listOrganizations(ctx, req.type, req.pagination);
      return QueryOrganizationsResponse.encode({ organizations: page.items, pagination: page.pagination }).finish();
    },
    OrganizationByIdentifier(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryOrganizationByIdentifierRequest.decode(data);
      const set: [IdentifierKind, string | undefined][] = [
        ["npi", req.npi],
        ["gln", req.gln],
        ["payer_id", req.payerId],
        ["ndc_labeler_code", req.ndcLabelerCode],
      ];
      const given = set.filter((e): e is [IdentifierKind, string] => e[1] !== undefined);
      if (given.length !== 1) throw invalidArgument("exactly one identifier must be set");
      const [kind, value] = given[0]!;
      const id = keeper.organizationIdByIdentifier(ctx, kind, value);
      if (id === undefined) throw IdentityErrors.organizationNotFound.wrap(`no organization with ${kind} ${value}`);
      return QueryOrganizationByIdentifierResponse.encode({ organization: keeper.requireOrganization(ctx, id) }).finish();
    },
    Member(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryMemberRequest.decode(data);
      const member = keeper.getMember(ctx, req.organizationId, address(req.address));
      if (member === undefined) throw IdentityErrors.memberNotFound.wrap(`${req.address} in organization ${req.organizationId}`);
      return QueryMemberResponse.encode({ member }).finish();
    },
    MembersByOrganization(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryMembersByOrganizationRequest.decode(data);
      keeper.requireOrganization(ctx, req.organizationId);
      const page = keeper.listMembers(ctx, req.organizationId, req.pagination);
      return QueryMembersByOrganizationResponse.encode({ members: page.items, pagination: page.pagination }).finish();
    },
    MembershipsByAccount(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryMembershipsByAccountRequest.decode(data);
      const page = keeper.listMemberships(ctx, address(req.address), req.pagination);
      return QueryMembershipsByAccountResponse.encode({ members: page.items, pagination: page.pagination }).finish();
    },
    Device(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryDeviceRequest.decode(data);
      const device = keeper.getDevice(ctx, req.id);
      if (device === undefined) throw IdentityErrors.deviceNotFound.wrap(`device ${req.id}`);
      return QueryDeviceResponse.encode({ device }).finish();
    },
    DevicesByOwner(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryDevicesByOwnerRequest.decode(data);
      if ((req.patientAddress === undefined) === (req.carrierOrganizationId === undefined)) {
        throw invalidArgument("exactly one owner must be set");
      }
      const page =
        req.patientAddress !== undefined
          ? keeper.listDevicesByOwner(ctx, "patient", address(req.patientAddress), req.pagination)
          : keeper.listDevicesByOwner(ctx, "carrier", req.carrierOrganizationId!, req.pagination);
      return QueryDevicesByOwnerResponse.encode({ devices: page.items, pagination: page.pagination }).finish();
    },
  };
}
