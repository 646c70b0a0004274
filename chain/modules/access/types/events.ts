import {
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
} from "@precision/proto";
import { typedEvent } from "../../../runtime/module/kit.js";

export const accessEvents = {
  accessGranted: (m: EventAccessGranted) => typedEvent(EventAccessGranted, m),
  accessRevoked: (m: EventAccessRevoked) => typedEvent(EventAccessRevoked, m),
  grantKeysAdded: (m: EventGrantKeysAdded) => typedEvent(EventGrantKeysAdded, m),
  grantKeysReleased: (m: EventGrantKeysReleased) => typedEvent(EventGrantKeysReleased, m),
  emergencyRuleKeysAdded: (m: EventEmergencyRuleKeysAdded) => typedEvent(EventEmergencyRuleKeysAdded, m),
  emergencyRuleSet: (m: EventEmergencyRuleSet) => typedEvent(EventEmergencyRuleSet, m),
  emergencyRuleRemoved: (m: EventEmergencyRuleRemoved) => typedEvent(EventEmergencyRuleRemoved, m),
  breakGlass: (m: EventBreakGlass) => typedEvent(EventBreakGlass, m),
  accessLogged: (m: EventAccessLogged) => typedEvent(EventAccessLogged, m),
  paramsUpdated: (m: EventParamsUpdated) => typedEvent(EventParamsUpdated, m),
};
