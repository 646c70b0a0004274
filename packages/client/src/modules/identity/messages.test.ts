import { DeviceKind, OrganizationType, Role } from "@precision/proto";
import { describe, expect, it } from "vitest";
import {
  identityMessageComposer,
  isMsgAddMemberEncodeObject,
  isMsgRegisterDeviceEncodeObject,
  isMsgRegisterOrganizationEncodeObject,
} from "./messages.js";

describe("identity message composer", () => {
  it("fills every field the caller left out", () => {
    const message = identityMessageComposer.registerOrganization({
      authority: "prec1authority",
      id: "acme-pharmacy",
      name: "Acme Pharmacy",
      type: OrganizationType.ORGANIZATION_TYPE_PHARMACY,
    });
    expect(message).toEqual({
      typeUrl: "/precision.identity.v1.MsgRegisterOrganization",
      value: {
        authority: "prec1authority",
        id: "acme-pharmacy",
        name: "Acme Pharmacy",
        type: OrganizationType.ORGANIZATION_TYPE_PHARMACY,
        identifiers: undefined,
        authorizedTradingPartner: false,
        encryptionPublicKey: new Uint8Array(),
      },
    });
  });

  it("keeps exactly the device owner that was given", () => {
    const message = identityMessageComposer.registerDevice({
      id: "cold-box-3",
      kind: DeviceKind.DEVICE_KIND_SENSOR,
      carrierOrganizationId: "fast-freight",
    });
    expect(message.value.carrierOrganizationId).toBe("fast-freight");
    expect(message.value.patientAddress).toBeUndefined();
  });

  it("type guards tell messages apart by type URL", () => {
    const addMember = identityMessageComposer.addMember({ roles: [Role.ROLE_CLINICIAN] });
    expect(isMsgAddMemberEncodeObject(addMember)).toBe(true);
    expect(isMsgRegisterOrganizationEncodeObject(addMember)).toBe(false);
    expect(
      isMsgRegisterDeviceEncodeObject({ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: {} }),
    ).toBe(false);
  });
});
