import { descendingU64Key, lengthPrefixed, storeKey } from "../../../runtime/module/kit.js";

export const MODULE_NAME = "alerts";
export const STORE_KEY = "alerts";

/**
 * State layout under "alerts/" (strings UTF-8, `len` one byte, ^h a descending u64 height):
 *   0x01 | alert id                                  → Alert
 *   0x02 | len(patient) | patient | ^h | alert id    → empty (a patient's alerts, newest first)
 *   0x03 | device id                                 → u64 last accepted sequence
 */
export const ALERT_PREFIX = Uint8Array.of(0x01);
const ALERTS_BY_PATIENT = Uint8Array.of(0x02);
export const SEQUENCE_PREFIX = Uint8Array.of(0x03);

export const alertKey = (id: string) => storeKey(ALERT_PREFIX, id);
export const alertsOfPatientPrefix = (patient: string) => storeKey(ALERTS_BY_PATIENT, lengthPrefixed(patient));
export const patientAlertKey = (patient: string, height: bigint, id: string) => storeKey(alertsOfPatientPrefix(patient), descendingU64Key(height), id);
export const sequenceKey = (deviceId: string) => storeKey(SEQUENCE_PREFIX, deviceId);

export function alertId(deviceId: string, sequence: bigint): string {
  return `${deviceId}-${sequence}`;
}
