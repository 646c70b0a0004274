export {
  identityMessageComposer,
  isMsgAddMemberEncodeObject,
  isMsgDeactivateDeviceEncodeObject,
  isMsgDeactivateOrganizationEncodeObject,
  isMsgRegisterDeviceEncodeObject,
  isMsgRegisterOrganizationEncodeObject,
  isMsgRemoveMemberEncodeObject,
  isMsgUpdateAuthorityEncodeObject,
  isMsgUpdateMemberEncodeObject,
  isMsgUpdateOrganizationEncodeObject,
} from "./identity/messages.js";
export type {
  IdentityEncodeObject,
  MsgAddMemberEncodeObject,
  MsgDeactivateDeviceEncodeObject,
  MsgDeactivateOrganizationEncodeObject,
  MsgRegisterDeviceEncodeObject,
  MsgRegisterOrganizationEncodeObject,
  MsgRemoveMemberEncodeObject,
  MsgUpdateAuthorityEncodeObject,
  MsgUpdateMemberEncodeObject,
  MsgUpdateOrganizationEncodeObject,
} from "./identity/messages.js";
export { setupIdentityExtension } from "./identity/queries.js";
export type {
  DeviceOwnerLookup,
  IdentityExtension,
  OrganizationIdentifierLookup,
} from "./identity/queries.js";
