import { describe, expect, it } from "vitest";
import {
  decodeTypedEvent,
  encodeTypedEvent,
  EventDeviceRegistered,
  EventMemberAdded,
  EventOrganizationRegistered,
  identityEventTypes,
  OrganizationType,
  Role,
} from "./index.js";

describe("typed events", () => {
  it("encodes fields as snake_case keys with JSON values", () => {
    const event = encodeTypedEvent(
      EventMemberAdded,
      EventMemberAdded.fromPartial({
        organizationId: "st-mary",
        address: "prec1member",
        roles: [Role.ROLE_CLINICIAN],
      }),
    );
    expect(event).toEqual({
      type: "precision.identity.v1.EventMemberAdded",
      attributes: [
        { key: "organization_id", value: '"st-mary"' },
        { key: "address", value: '"prec1member"' },
        { key: "roles", value: '["ROLE_CLINICIAN"]' },
      ],
    });
  });

  it("decodes what it encodes, ignoring CometBFT's own attributes", () => {
    const original = EventOrganizationRegistered.fromPartial({
      organizationId: "acme",
      type: OrganizationType.ORGANIZATION_TYPE_MANUFACTURER,
      name: 'Acme "Pharma"',
    });
    const event = encodeTypedEvent(EventOrganizationRegistered, original);
    const withIndex = {
      ...event,
      attributes: [...event.attributes, { key: "msg_index", value: "0" }],
    };
    expect(decodeTypedEvent(EventOrganizationRegistered, withIndex)).toEqual(original);
  });

  it("refuses an event of another type", () => {
    const event = encodeTypedEvent(
      EventDeviceRegistered,
      EventDeviceRegistered.fromPartial({ deviceId: "d-1" }),
    );
    expect(() => decodeTypedEvent(EventMemberAdded, event)).toThrow(
      /Expected a precision.identity.v1.EventMemberAdded/,
    );
  });

  it("lists every identity event type once", () => {
    const names = identityEventTypes.map((t) => t.$type);
    expect(new Set(names).size).toBe(9);
    expect(names.every((n) => n.startsWith("precision.identity.v1.Event"))).toBe(true);
  });
});
