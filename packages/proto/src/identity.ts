import {
  MsgAddMember,
  MsgAddMemberResponse,
  MsgDeactivateDevice,
  MsgDeactivateDeviceResponse,
  MsgDeactivateOrganization,
  MsgDeactivateOrganizationResponse,
  MsgRegisterDevice,
  MsgRegisterDeviceResponse,
  MsgRegisterOrganization,
  MsgRegisterOrganizationResponse,
  MsgRemoveMember,
  MsgRemoveMemberResponse,
  MsgUpdateAuthority,
  MsgUpdateAuthorityResponse,
  MsgUpdateMember,
  MsgUpdateMemberResponse,
  MsgUpdateOrganization,
  MsgUpdateOrganizationResponse,
} from "./gen/precision/identity/v1/tx.js";
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
} from "./gen/precision/identity/v1/events.js";
import { registryEntries, typeUrlOf } from "./type-url.js";

export const identityMsgTypes = [
  MsgRegisterOrganization,
  MsgUpdateOrganization,
  MsgDeactivateOrganization,
  MsgAddMember,
  MsgUpdateMember,
  MsgRemoveMember,
  MsgRegisterDevice,
  MsgDeactivateDevice,
  MsgUpdateAuthority,
] as const;

export const identityMsgResponseTypes = [
  MsgRegisterOrganizationResponse,
  MsgUpdateOrganizationResponse,
  MsgDeactivateOrganizationResponse,
  MsgAddMemberResponse,
  MsgUpdateMemberResponse,
  MsgRemoveMemberResponse,
  MsgRegisterDeviceResponse,
  MsgDeactivateDeviceResponse,
  MsgUpdateAuthorityResponse,
] as const;

/** Literal type URLs of the identity messages, for `EncodeObject.typeUrl`. */
export const identityTypeUrls = {
  msgRegisterOrganization: typeUrlOf(MsgRegisterOrganization),
  msgUpdateOrganization: typeUrlOf(MsgUpdateOrganization),
  msgDeactivateOrganization: typeUrlOf(MsgDeactivateOrganization),
  msgAddMember: typeUrlOf(MsgAddMember),
  msgUpdateMember: typeUrlOf(MsgUpdateMember),
  msgRemoveMember: typeUrlOf(MsgRemoveMember),
  msgRegisterDevice: typeUrlOf(MsgRegisterDevice),
  msgDeactivateDevice: typeUrlOf(MsgDeactivateDevice),
  msgUpdateAuthority: typeUrlOf(MsgUpdateAuthority),
} as const;

/** Messages and their responses, so `msgResponses` in a DeliverTxResponse decode too. */
export const identityRegistryTypes = registryEntries([
  ...identityMsgTypes,
  ...identityMsgResponseTypes,
]);

/** Every typed event the identity module emits, for indexers that dispatch on `event.type`. */
export const identityEventTypes = [
  EventOrganizationRegistered,
  EventOrganizationUpdated,
  EventOrganizationDeactivated,
  EventMemberAdded,
  EventMemberUpdated,
  EventMemberRemoved,
  EventDeviceRegistered,
  EventDeviceDeactivated,
  EventAuthorityUpdated,
] as const;
