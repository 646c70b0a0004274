import {
  EventAuthorityUpdated,
  EventDeviceDeactivated,
  EventDeviceRegistered,
  EventMemberAdded,
  EventMemberRemoved,
  EventMemberUpdated,
  EventOrganizationDeactivated,
  EventOrganizationRegistered,
  EventOrganizationUpdated,
} from "@precision/proto/precision/identity/v1/events";
import { typedEvent } from "../../../runtime/module/kit.js";

export const identityEvents = {
  organizationRegistered: (m: EventOrganizationRegistered) => typedEvent(EventOrganizationRegistered, m),
  organizationUpdated: (m: EventOrganizationUpdated) => typedEvent(EventOrganizationUpdated, m),
  organizationDeactivated: (m: EventOrganizationDeactivated) => typedEvent(EventOrganizationDeactivated, m),
  memberAdded: (m: EventMemberAdded) => typedEvent(EventMemberAdded, m),
  memberUpdated: (m: EventMemberUpdated) => typedEvent(EventMemberUpdated, m),
  memberRemoved: (m: EventMemberRemoved) => typedEvent(EventMemberRemoved, m),
  deviceRegistered: (m: EventDeviceRegistered) => typedEvent(EventDeviceRegistered, m),
  deviceDeactivated: (m: EventDeviceDeactivated) => typedEvent(EventDeviceDeactivated, m),
  authorityUpdated: (m: EventAuthorityUpdated) => typedEvent(EventAuthorityUpdated, m),
};
