import {
  EventAccessGranted,
  EventAccessLogged,
  EventAccessRevoked,
  EventBreakGlass,
  EventEmergencyRuleRemoved,
  EventEmergencyRuleSet,
  EventGrantKeysAdded,
  EventGrantKeysReleased,
  EventEmergencyRuleKeysAdded,
  EventParamsUpdated,
} from "./gen/precision/access/v1/events.js";
import {
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
import { registryEntries, typeUrlOf } from "./type-url.js";

export const accessMsgTypes = [
  MsgGrantAccess,
  MsgRevokeAccess,
  MsgAddGrantKeys,
  MsgSetEmergencyRule,
  MsgRemoveEmergencyRule,
  MsgBreakGlass,
  MsgLogAccess,
  MsgUpdateParams,
  MsgReleaseGrantKeys,
  MsgAddEmergencyRuleKeys,
] as const;

export const accessMsgResponseTypes = [
  MsgGrantAccessResponse,
  MsgRevokeAccessResponse,
  MsgAddGrantKeysResponse,
  MsgSetEmergencyRuleResponse,
  MsgRemoveEmergencyRuleResponse,
  MsgBreakGlassResponse,
  MsgLogAccessResponse,
  MsgUpdateParamsResponse,
  MsgReleaseGrantKeysResponse,
  MsgAddEmergencyRuleKeysResponse,
] as const;

export const accessTypeUrls = {
  msgGrantAccess: typeUrlOf(MsgGrantAccess),
  msgRevokeAccess: typeUrlOf(MsgRevokeAccess),
  msgAddGrantKeys: typeUrlOf(MsgAddGrantKeys),
  msgSetEmergencyRule: typeUrlOf(MsgSetEmergencyRule),
  msgRemoveEmergencyRule: typeUrlOf(MsgRemoveEmergencyRule),
  msgBreakGlass: typeUrlOf(MsgBreakGlass),
  msgLogAccess: typeUrlOf(MsgLogAccess),
  msgUpdateParams: typeUrlOf(MsgUpdateParams),
  msgReleaseGrantKeys: typeUrlOf(MsgReleaseGrantKeys),
  msgAddEmergencyRuleKeys: typeUrlOf(MsgAddEmergencyRuleKeys),
} as const;

export const accessRegistryTypes = registryEntries([...accessMsgTypes, ...accessMsgResponseTypes]);

export const accessEventTypes = [
  EventAccessGranted,
  EventAccessRevoked,
  EventGrantKeysAdded,
  EventEmergencyRuleSet,
  EventEmergencyRuleRemoved,
  EventBreakGlass,
  EventAccessLogged,
  EventParamsUpdated,
  EventGrantKeysReleased,
  EventEmergencyRuleKeysAdded,
] as const;
