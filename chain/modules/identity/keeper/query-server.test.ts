import { secp256k1 } from "@noble/curves/secp256k1.js";
import { DeviceKind, OrganizationType, Role } from "@precision/proto";
import {
  QueryDevicesByOwnerRequest,
  QueryDevicesByOwnerResponse,
  QueryMembershipsByAccountRequest,
  QueryMembershipsByAccountResponse,
  QueryOrganizationByIdentifierRequest,
  QueryOrganizationByIdentifierResponse,
  QueryOrganizationsRequest,
  QueryOrganizationsResponse,
} from "@precision/proto/precision/identity/v1/query";
import { describe, expect, it } from "vitest";
import { encodeAddress } from "../../../runtime/address/bech32-address.js";
import { ChainError } from "../../../runtime/errors/registry.js";
import { testContext } from "../../../runtime/testing/test-context.js";
import { IdentityKeeper } from "./keeper.js";
import { identityQueryServer } from "./query-server.js";

const member = encodeAddress(new Uint8Array(20).fill(5));
const patient = encodeAddress(new Uint8Array(20).fill(6));

function seeded() {
  const keeper = new IdentityKeeper();
  const ctx = testContext();
  const types = [OrganizationType.ORGANIZATION_TYPE_PROVIDER, OrganizationType.ORGANIZATION_TYPE_PAYER, OrganizationType.ORGANIZATION_TYPE_PROVIDER];
  ["aaa-clinic", "bbb-payer", "ccc-clinic"].forEach((id, i) =>
    keeper.setOrganization(ctx, {
      id,
      name: id,
      type: types[i]!,
      identifiers: { npi: "", gln: "", payerId: i === 1 ? "PAYER01" : "", ndcLabelerCode: "" },
      active: true,
      authorizedTradingPartner: false,
      encryptionPublicKey: new Uint8Array(),
      registeredHeight: 1n,
      registeredTime: undefined,
      updatedHeight: 1n,
    }),
  );
  for (const org of ["ccc-clinic", "aaa-clinic"]) {
    keeper.setMember(ctx, { organizationId: org, address: member, roles: [Role.ROLE_CLINICIAN], title: "", active: true, addedHeight: 1n, addedTime: undefined });
  }
  const publicKey = secp256k1.getPublicKey(new Uint8Array(32).fill(3), true);
  for (const id of ["watch-b", "watch-a"]) {
    keeper.setDevice(ctx, { id, kind: DeviceKind.DEVICE_KIND_WEARABLE, publicKey, patientAddress: patient, carrierOrganizationId: undefined, model: "", manufacturer: "", active: true, registeredHeight: 1n, registeredTime: undefined });
  }
  return { q: identityQueryServer(keeper), ctx };
}

describe("identity queries", () => {
  it("lists organisations in id order, filtered by type, one page at a time", () => {
    const { q, ctx } = seeded();
    const first = QueryOrganizationsResponse.decode(
      q.Organizations!(ctx, QueryOrganizationsRequest.encode(QueryOrganizationsRequest.fromPartial({ type: OrganizationType.ORGANIZATION_TYPE_PROVIDER, pagination: { limit: 1n } })).finish()),
    );
    expect(first.organizations.map((o) => o.id)).toEqual(["aaa-clinic"]);
    const second = QueryOrganizationsResponse.decode(
      q.Organizations!(ctx, QueryOrganizationsRequest.encode(QueryOrganizationsRequest.fromPartial({ type: OrganizationType.ORGANIZATION_TYPE_PROVIDER, pagination: { key: first.pagination!.nextKey, limit: 1n } })).finish()),
    );
    expect(second.organizations.map((o) => o.id)).toEqual(["ccc-clinic"]);
  });

  it("finds an organisation by identifier and answers a miss with the module's not-found code", () => {
    const { q, ctx } = seeded();
    const found = QueryOrganizationByIdentifierResponse.decode(q.OrganizationByIdentifier!(ctx, QueryOrganizationByIdentifierRequest.encode({ payerId: "PAYER01" }).finish()));
    expect(found.organization!.id).toBe("bbb-payer");
    let err: unknown;
    try {
      q.OrganizationByIdentifier!(ctx, QueryOrganizationByIdentifierRequest.encode({ npi: "1234567893" }).finish());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ChainError);
    expect([(err as ChainError).codespace, (err as ChainError).code, (err as ChainError).message]).toEqual([
      "identity",
      3,
      "no organization with npi 1234567893: organization not found",
    ]);
  });

  it("lists an account's memberships and a patient's devices in id order", () => {
    const { q, ctx } = seeded();
    const memberships = QueryMembershipsByAccountResponse.decode(q.MembershipsByAccount!(ctx, QueryMembershipsByAccountRequest.encode(QueryMembershipsByAccountRequest.fromPartial({ address: member })).finish()));
    expect(memberships.members.map((m) => m.organizationId)).toEqual(["aaa-clinic", "ccc-clinic"]);
    const devices = QueryDevicesByOwnerResponse.decode(q.DevicesByOwner!(ctx, QueryDevicesByOwnerRequest.encode(QueryDevicesByOwnerRequest.fromPartial({ patientAddress: patient })).finish()));
    expect(devices.devices.map((d) => d.id)).toEqual(["watch-a", "watch-b"]);
  });
});
