import {
  encodeTypedEvent,
} from "@precision/proto";
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
import type { ChainEvent } from "../../../runtime/events/event-manager.js";

interface TypedEventType<T> {
  readonly $type: string;
  toJSON(message: T): unknown;
  fromJSON(object: unknown): T;
}

/** A typed proto event as an ABCI event (the SDK's TypedEventToEvent), every attribute indexed. */
function typed<T>(type: TypedEventType<T>, message: T): ChainEvent {
  const event = encodeTypedEvent(type, message);
  return { type: event.type, attributes: event.attributes.map((a) => ({ key: a.key, value: a.value, index: true })) };
}

export const identityEvents = {
  organizationRegistered: (m: EventOrganizationRegistered) => typed(EventOrganizationRegistered, m),
  organizationUpdated: (m: EventOrganizationUpdated) => typed(EventOrganizationUpdated, m),
  organizationDeactivated: (m: EventOrganizationDeactivated) => typed(EventOrganizationDeactivated, m),
  memberAdded: (m: EventMemberAdded) => typed(EventMemberAdded, m),
  memberUpdated: (m: EventMemberUpdated) => typed(EventMemberUpdated, m),
  memberRemoved: (m: EventMemberRemoved) => typed(EventMemberRemoved, m),
  deviceRegistered: (m: EventDeviceRegistered) => typed(EventDeviceRegistered, m),
  deviceDeactivated: (m: EventDeviceDeactivated) => typed(EventDeviceDeactivated, m),
  authorityUpdated: (m: EventAuthorityUpdated) => typed(EventAuthorityUpdated, m),
};
