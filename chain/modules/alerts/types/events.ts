import { EventAlertRaised } from "@precision/proto";
import { typedEvent } from "../../../runtime/module/kit.js";

export const alertsEvents = {
  alertRaised: (m: EventAlertRaised) => typedEvent(EventAlertRaised, m),
};
