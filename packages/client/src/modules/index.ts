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
export { isMsgAnchorRecordEncodeObject, isRecordId, organizationRecipient, recordsMessageComposer, vaultLocator } from "./records/messages.js";
export type { MsgAnchorRecordEncodeObject, RecordsEncodeObject } from "./records/messages.js";
export { setupRecordsExtension } from "./records/queries.js";
export type { RecordsExtension } from "./records/queries.js";
export {
  accessMessageComposer,
  BREAK_GLASS_REASONS,
  isMsgBreakGlassEncodeObject,
  isMsgGrantAccessEncodeObject,
  isMsgLogAccessEncodeObject,
  isMsgRevokeAccessEncodeObject,
} from "./access/messages.js";
export type {
  AccessEncodeObject,
  BreakGlassReason,
  MsgAddGrantKeysEncodeObject,
  MsgReleaseGrantKeysEncodeObject,
  MsgAddEmergencyRuleKeysEncodeObject,
  MsgBreakGlassEncodeObject,
  MsgGrantAccessEncodeObject,
  MsgLogAccessEncodeObject,
  MsgRemoveEmergencyRuleEncodeObject,
  MsgRevokeAccessEncodeObject,
  MsgSetEmergencyRuleEncodeObject,
  MsgUpdateAccessParamsEncodeObject,
} from "./access/messages.js";
export { setupAccessExtension } from "./access/queries.js";
export type { AccessExtension } from "./access/queries.js";
export { alertsMessageComposer, isMsgSubmitAlertEncodeObject, signDeviceAlert } from "./alerts/messages.js";
export type { AlertsEncodeObject, DeviceAlert, MsgSubmitAlertEncodeObject } from "./alerts/messages.js";
export { setupAlertsExtension } from "./alerts/queries.js";
export type { AlertsExtension } from "./alerts/queries.js";
