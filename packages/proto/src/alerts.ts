import { EventAlertRaised } from "./gen/precision/alerts/v1/events.js";
import { MsgSubmitAlert, MsgSubmitAlertResponse } from "./gen/precision/alerts/v1/tx.js";
import { registryEntries, typeUrlOf } from "./type-url.js";

export const alertsMsgTypes = [MsgSubmitAlert] as const;
export const alertsMsgResponseTypes = [MsgSubmitAlertResponse] as const;

export const alertsTypeUrls = {
  msgSubmitAlert: typeUrlOf(MsgSubmitAlert),
} as const;

export const alertsRegistryTypes = registryEntries([...alertsMsgTypes, ...alertsMsgResponseTypes]);

export const alertsEventTypes = [EventAlertRaised] as const;
