import { describe, expect, it } from "vitest";
import {
  Device,
  DeviceKind,
  IdentityGenesisState,
  identityMsgTypes,
  identityRegistryTypes,
  identityTypeUrls,
  MsgAddMember,
  MsgRegisterDevice,
  MsgRegisterOrganization,
  Organization,
  OrganizationType,
  precisionRegistryTypes,
  QueryOrganizationsRequest,
  Role,
  typeUrlOf,
} from "./index.js";

const authority = "prec1authority0000000000000000000000000000";
const compressedKey = Uint8Array.from({ length: 33 }, (_, i) => (i === 0 ? 0x02 : i));

describe("identity messages", () => {
  it("round-trips MsgRegisterOrganization through the wire format", () => {
    const message = MsgRegisterOrganization.fromPartial({
      authority,
      id: "st-mary-hospital",
      name: "St Mary's Hospital",
      type: OrganizationType.ORGANIZATION_TYPE_PROVIDER,
      identifiers: { npi: "1234567893", gln: "0614141000005" },
      authorizedTradingPartner: true,
      encryptionPublicKey: compressedKey,
    });
    const bytes = MsgRegisterOrganization.encode(message).finish();
    expect(MsgRegisterOrganization.decode(bytes)).toEqual(message);
  });

  it("encodes fields with the numbers the .proto declares", () => {
    const bytes = MsgAddMember.encode(
      MsgAddMember.fromPartial({
        organizationId: "ab",
        roles: [Role.ROLE_CLINICIAN, Role.ROLE_ADMIN],
      }),
    ).finish();
    // field 2 (organization_id) "ab", then packed field 4 (roles) [2, 1].
    expect([...bytes]).toEqual([0x12, 2, 0x61, 0x62, 0x22, 2, 2, 1]);
  });

  it("keeps the device owner oneof and 64-bit heights", () => {
    const device = Device.fromPartial({
      id: "watch-1",
      kind: DeviceKind.DEVICE_KIND_WEARABLE,
      publicKey: compressedKey,
      patientAddress: "prec1patient",
      registeredHeight: 9_007_199_254_740_993n,
      registeredTime: { seconds: 1_700_000_000n, nanos: 5 },
    });
    const decoded = Device.decode(Device.encode(device).finish());
    expect(decoded.patientAddress).toBe("prec1patient");
    expect(decoded.carrierOrganizationId).toBeUndefined();
    expect(decoded.registeredHeight).toBe(9_007_199_254_740_993n);
    expect(decoded.registeredTime).toEqual({ seconds: 1_700_000_000n, nanos: 5 });
  });

  it("round-trips a genesis state through JSON", () => {
    const genesis = IdentityGenesisState.fromPartial({
      authority,
      organizations: [
        Organization.fromPartial({
          id: "acme-carrier",
          type: OrganizationType.ORGANIZATION_TYPE_CARRIER,
          active: true,
        }),
      ],
      devices: [
        {
          id: "sensor-7",
          kind: DeviceKind.DEVICE_KIND_SENSOR,
          carrierOrganizationId: "acme-carrier",
        },
      ],
    });
    const json = JSON.parse(JSON.stringify(IdentityGenesisState.toJSON(genesis)));
    expect(json.organizations[0].type).toBe("ORGANIZATION_TYPE_CARRIER");
    expect(IdentityGenesisState.fromJSON(json)).toEqual(genesis);
  });

  it("carries cosmos pagination in list queries", () => {
    const request = QueryOrganizationsRequest.fromPartial({
      type: OrganizationType.ORGANIZATION_TYPE_PAYER,
      pagination: { limit: 50n, countTotal: true },
    });
    const decoded = QueryOrganizationsRequest.decode(
      QueryOrganizationsRequest.encode(request).finish(),
    );
    expect(decoded.pagination?.limit).toBe(50n);
    expect(decoded.pagination?.countTotal).toBe(true);
  });
});

describe("registry entries", () => {
  it("names every identity message by its fully-qualified type URL", () => {
    const urls = identityRegistryTypes.map(([url]) => url);
    expect(urls).toContain("/precision.identity.v1.MsgRegisterOrganization");
    expect(urls).toContain("/precision.identity.v1.MsgRegisterOrganizationResponse");
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toHaveLength(identityMsgTypes.length * 2);
    for (const [url, type] of precisionRegistryTypes) expect(url).toBe(`/${type.$type}`);
  });

  it("exposes literal type URLs", () => {
    expect(identityTypeUrls.msgRegisterDevice).toBe("/precision.identity.v1.MsgRegisterDevice");
    expect(typeUrlOf(MsgRegisterDevice)).toBe(identityTypeUrls.msgRegisterDevice);
    expect(Object.values(identityTypeUrls)).toEqual(identityMsgTypes.map(typeUrlOf));
  });
});
