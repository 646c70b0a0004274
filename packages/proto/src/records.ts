import { EventRecordAnchored } from "./gen/precision/records/v1/events.js";
import { MsgAnchorRecord, MsgAnchorRecordResponse } from "./gen/precision/records/v1/tx.js";
import { registryEntries, typeUrlOf } from "./type-url.js";

export const recordsMsgTypes = [MsgAnchorRecord] as const;
export const recordsMsgResponseTypes = [MsgAnchorRecordResponse] as const;

export const recordsTypeUrls = {
  msgAnchorRecord: typeUrlOf(MsgAnchorRecord),
} as const;

export const recordsRegistryTypes = registryEntries([...recordsMsgTypes, ...recordsMsgResponseTypes]);

export const recordsEventTypes = [EventRecordAnchored] as const;
