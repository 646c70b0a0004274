import { moduleErrorTable } from "./module-table.js";

export const ALERTS_CODESPACE = "alerts";

/** The alerts module's error table. Append only. */
export const { errors: alertsErrors, table: alertsErrorTable } = moduleErrorTable(ALERTS_CODESPACE, {
  deviceNotFound: [2, "device_not_found", "device not found"],
  deviceInactive: [3, "device_inactive", "device is inactive"],
  notAWearable: [4, "not_a_wearable", "device is not a wearable bound to a patient"],
  invalidSignature: [5, "invalid_signature", "invalid device signature"],
  staleSequence: [6, "stale_sequence", "alert sequence already used"],
  unknownCode: [7, "unknown_code", "unknown alert code"],
  invalidField: [8, "invalid_field", "invalid field value"],
  alertNotFound: [9, "alert_not_found", "alert not found"],
});

export type AlertsErrorName = keyof typeof alertsErrors;
