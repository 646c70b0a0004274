export { typeUrlOf, registryEntries } from "./type-url.js";
export type { ProtoMessageType, RegistryEntry, TypeUrl } from "./type-url.js";
export { precisionRegistryTypes } from "./registry.js";
export { decodeTypedEvent, encodeTypedEvent } from "./typed-event.js";
export type { TypedEvent, TypedEventAttribute, TypedEventType } from "./typed-event.js";
export {
  identityEventTypes,
  identityMsgResponseTypes,
  identityMsgTypes,
  identityRegistryTypes,
  identityTypeUrls,
} from "./identity.js";
export { recordsEventTypes, recordsMsgResponseTypes, recordsMsgTypes, recordsRegistryTypes, recordsTypeUrls } from "./records.js";
export { accessEventTypes, accessMsgResponseTypes, accessMsgTypes, accessRegistryTypes, accessTypeUrls } from "./access.js";
export { alertsEventTypes, alertsMsgResponseTypes, alertsMsgTypes, alertsRegistryTypes, alertsTypeUrls } from "./alerts.js";
export {
  ACCESS_CODESPACE,
  accessErrors,
  accessErrorTable,
  ALERTS_CODESPACE,
  alertsErrors,
  alertsErrorTable,
  RECORDS_CODESPACE,
  recordsErrors,
  recordsErrorTable,
  IDENTITY_CODESPACE,
  identityErrors,
  identityErrorTable,
  internalErrorTable,
  SDK_CODESPACE,
  sdkErrorTable,
  UNDEFINED_CODESPACE,
} from "./errors/index.js";
export type {
  AccessErrorName,
  AlertsErrorName,
  IdentityErrorName,
  ModuleErrorDefinition,
  RecordsErrorName,
  SdkErrorName,
} from "./errors/index.js";

export { PageRequest, PageResponse } from "./gen/cosmos/base/query/v1beta1/pagination.js";
export { Timestamp } from "./gen/google/protobuf/timestamp.js";

export {
  Device,
  DeviceKind,
  deviceKindFromJSON,
  deviceKindToJSON,
  Member,
  Organization,
  OrganizationIdentifiers,
  OrganizationType,
  organizationTypeFromJSON,
  organizationTypeToJSON,
  Role,
  roleFromJSON,
  roleToJSON,
} from "./gen/precision/identity/v1/types.js";
export {
  MsgClientImpl as IdentityMsgClientImpl,
  MsgServiceName as IdentityMsgServiceName,
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
export type { Msg as IdentityMsg } from "./gen/precision/identity/v1/tx.js";
export {
  QueryClientImpl as IdentityQueryClientImpl,
  QueryServiceName as IdentityQueryServiceName,
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
} from "./gen/precision/identity/v1/query.js";
export type { Query as IdentityQuery } from "./gen/precision/identity/v1/query.js";
export { GenesisState as IdentityGenesisState } from "./gen/precision/identity/v1/genesis.js";
export {
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

export {
  AnchoredRecord,
  RecordClass,
  WrappedKey,
  recordClassFromJSON,
  recordClassToJSON,
} from "./gen/precision/records/v1/types.js";
export {
  MsgClientImpl as RecordsMsgClientImpl,
  MsgServiceName as RecordsMsgServiceName,
  MsgAnchorRecord,
  MsgAnchorRecordResponse,
} from "./gen/precision/records/v1/tx.js";
export type { Msg as RecordsMsg } from "./gen/precision/records/v1/tx.js";
export {
  QueryClientImpl as RecordsQueryClientImpl,
  QueryServiceName as RecordsQueryServiceName,
  QueryRecordRequest,
  QueryRecordResponse,
  QueryRecordsByPatientRequest,
  QueryRecordsByPatientResponse,
} from "./gen/precision/records/v1/query.js";
export type { Query as RecordsQuery } from "./gen/precision/records/v1/query.js";
export {
  GenesisState as RecordsGenesisState,
} from "./gen/precision/records/v1/genesis.js";
export {
  EventRecordAnchored,
} from "./gen/precision/records/v1/events.js";
export {
  AccessLogEntry,
  EmergencyRule,
  Grant,
  GrantKey,
  GrantKind,
  Params,
  Purpose,
  Scope,
  grantKindFromJSON,
  grantKindToJSON,
  purposeFromJSON,
  purposeToJSON,
} from "./gen/precision/access/v1/types.js";
export {
  MsgClientImpl as AccessMsgClientImpl,
  MsgServiceName as AccessMsgServiceName,
  MsgAddEmergencyRuleKeys,
  MsgAddEmergencyRuleKeysResponse,
  MsgAddGrantKeys,
  MsgAddGrantKeysResponse,
  MsgBreakGlass,
  MsgBreakGlassResponse,
  MsgGrantAccess,
  MsgGrantAccessResponse,
  MsgLogAccess,
  MsgLogAccessResponse,
  MsgReleaseGrantKeys,
  MsgReleaseGrantKeysResponse,
  MsgRemoveEmergencyRule,
  MsgRemoveEmergencyRuleResponse,
  MsgRevokeAccess,
  MsgRevokeAccessResponse,
  MsgSetEmergencyRule,
  MsgSetEmergencyRuleResponse,
  MsgUpdateParams,
  MsgUpdateParamsResponse,
} from "./gen/precision/access/v1/tx.js";
export type { Msg as AccessMsg } from "./gen/precision/access/v1/tx.js";
export {
  QueryClientImpl as AccessQueryClientImpl,
  QueryServiceName as AccessQueryServiceName,
  QueryAccessLogRequest,
  QueryAccessLogResponse,
  QueryCanReadRequest,
  QueryCanReadResponse,
  QueryEmergencyRulesRequest,
  QueryEmergencyRulesResponse,
  QueryGrantRequest,
  QueryGrantResponse,
  QueryGrantsByPatientRequest,
  QueryGrantsByPatientResponse,
  QueryGrantsToReaderRequest,
  QueryGrantsToReaderResponse,
  QueryParamsRequest,
  QueryParamsResponse,
} from "./gen/precision/access/v1/query.js";
export type { Query as AccessQuery } from "./gen/precision/access/v1/query.js";
export {
  GenesisState as AccessGenesisState,
} from "./gen/precision/access/v1/genesis.js";
export {
  EventAccessGranted,
  EventAccessLogged,
  EventAccessRevoked,
  EventBreakGlass,
  EventEmergencyRuleKeysAdded,
  EventEmergencyRuleRemoved,
  EventEmergencyRuleSet,
  EventGrantKeysAdded,
  EventGrantKeysReleased,
  EventParamsUpdated,
} from "./gen/precision/access/v1/events.js";
export {
  Alert,
  AlertSignDoc,
} from "./gen/precision/alerts/v1/types.js";
export {
  MsgClientImpl as AlertsMsgClientImpl,
  MsgServiceName as AlertsMsgServiceName,
  MsgSubmitAlert,
  MsgSubmitAlertResponse,
} from "./gen/precision/alerts/v1/tx.js";
export type { Msg as AlertsMsg } from "./gen/precision/alerts/v1/tx.js";
export {
  QueryClientImpl as AlertsQueryClientImpl,
  QueryServiceName as AlertsQueryServiceName,
  QueryAlertCodesRequest,
  QueryAlertCodesResponse,
  QueryAlertRequest,
  QueryAlertResponse,
  QueryAlertsByPatientRequest,
  QueryAlertsByPatientResponse,
} from "./gen/precision/alerts/v1/query.js";
export type { Query as AlertsQuery } from "./gen/precision/alerts/v1/query.js";
export {
  GenesisState as AlertsGenesisState,
  DeviceSequence,
} from "./gen/precision/alerts/v1/genesis.js";
export {
  EventAlertRaised,
} from "./gen/precision/alerts/v1/events.js";
