import { EventRecordAnchored } from "@precision/proto";
import { typedEvent } from "../../../runtime/module/kit.js";

export const recordsEvents = {
  recordAnchored: (m: EventRecordAnchored) => typedEvent(EventRecordAnchored, m),
};
