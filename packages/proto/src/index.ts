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
export {
  IDENTITY_CODESPACE,
  identityErrors,
  identityErrorTable,
  internalErrorTable,
  SDK_CODESPACE,
  sdkErrorTable,
  UNDEFINED_CODESPACE,
} from "./errors/index.js";
export type { IdentityErrorName, ModuleErrorDefinition, SdkErrorName } from "./errors/index.js";

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
