import {
  accessTypeUrls,
  MsgAddEmergencyRuleKeys,
  MsgAddGrantKeys,
  MsgBreakGlass,
  MsgGrantAccess,
  MsgLogAccess,
  MsgReleaseGrantKeys,
  MsgRemoveEmergencyRule,
  MsgRevokeAccess,
  MsgSetEmergencyRule,
  MsgUpdateParams,
} from "@precision/proto";
import { composerFor, hasTypeUrl, type TypedEncodeObject } from "../compose.js";

export type MsgGrantAccessEncodeObject = TypedEncodeObject<typeof accessTypeUrls.msgGrantAccess, MsgGrantAccess>;
export type MsgRevokeAccessEncodeObject = TypedEncodeObject<typeof accessTypeUrls.msgRevokeAccess, MsgRevokeAccess>;
export type MsgAddGrantKeysEncodeObject = TypedEncodeObject<typeof accessTypeUrls.msgAddGrantKeys, MsgAddGrantKeys>;
export type MsgReleaseGrantKeysEncodeObject = TypedEncodeObject<typeof accessTypeUrls.msgReleaseGrantKeys, MsgReleaseGrantKeys>;
export type MsgAddEmergencyRuleKeysEncodeObject = TypedEncodeObject<typeof accessTypeUrls.msgAddEmergencyRuleKeys, MsgAddEmergencyRuleKeys>;
export type MsgSetEmergencyRuleEncodeObject = TypedEncodeObject<typeof accessTypeUrls.msgSetEmergencyRule, MsgSetEmergencyRule>;
export type MsgRemoveEmergencyRuleEncodeObject = TypedEncodeObject<typeof accessTypeUrls.msgRemoveEmergencyRule, MsgRemoveEmergencyRule>;
export type MsgBreakGlassEncodeObject = TypedEncodeObject<typeof accessTypeUrls.msgBreakGlass, MsgBreakGlass>;
export type MsgLogAccessEncodeObject = TypedEncodeObject<typeof accessTypeUrls.msgLogAccess, MsgLogAccess>;
export type MsgUpdateAccessParamsEncodeObject = TypedEncodeObject<typeof accessTypeUrls.msgUpdateParams, MsgUpdateParams>;

export type AccessEncodeObject =
  | MsgGrantAccessEncodeObject
  | MsgRevokeAccessEncodeObject
  | MsgAddGrantKeysEncodeObject
  | MsgReleaseGrantKeysEncodeObject
  | MsgAddEmergencyRuleKeysEncodeObject
  | MsgSetEmergencyRuleEncodeObject
  | MsgRemoveEmergencyRuleEncodeObject
  | MsgBreakGlassEncodeObject
  | MsgLogAccessEncodeObject
  | MsgUpdateAccessParamsEncodeObject;

export const isMsgGrantAccessEncodeObject = hasTypeUrl<MsgGrantAccessEncodeObject>(accessTypeUrls.msgGrantAccess);
export const isMsgRevokeAccessEncodeObject = hasTypeUrl<MsgRevokeAccessEncodeObject>(accessTypeUrls.msgRevokeAccess);
export const isMsgBreakGlassEncodeObject = hasTypeUrl<MsgBreakGlassEncodeObject>(accessTypeUrls.msgBreakGlass);
export const isMsgLogAccessEncodeObject = hasTypeUrl<MsgLogAccessEncodeObject>(accessTypeUrls.msgLogAccess);

export const accessMessageComposer = {
  grantAccess: composerFor(accessTypeUrls.msgGrantAccess, MsgGrantAccess),
  revokeAccess: composerFor(accessTypeUrls.msgRevokeAccess, MsgRevokeAccess),
  addGrantKeys: composerFor(accessTypeUrls.msgAddGrantKeys, MsgAddGrantKeys),
  releaseGrantKeys: composerFor(accessTypeUrls.msgReleaseGrantKeys, MsgReleaseGrantKeys),
  setEmergencyRule: composerFor(accessTypeUrls.msgSetEmergencyRule, MsgSetEmergencyRule),
  removeEmergencyRule: composerFor(accessTypeUrls.msgRemoveEmergencyRule, MsgRemoveEmergencyRule),
  addEmergencyRuleKeys: composerFor(accessTypeUrls.msgAddEmergencyRuleKeys, MsgAddEmergencyRuleKeys),
  breakGlass: composerFor(accessTypeUrls.msgBreakGlass, MsgBreakGlass),
  logAccess: composerFor(accessTypeUrls.msgLogAccess, MsgLogAccess),
  updateParams: composerFor(accessTypeUrls.msgUpdateParams, MsgUpdateParams),
};

/** The coded break-glass reasons the access module accepts. */
export const BREAK_GLASS_REASONS = [
  "patient-unresponsive",
  "life-threatening-emergency",
  "consent-unobtainable",
  "urgent-continuity-of-care",
] as const;
export type BreakGlassReason = (typeof BREAK_GLASS_REASONS)[number];
