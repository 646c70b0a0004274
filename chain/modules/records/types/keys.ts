import { RecordClass } from "@precision/proto";
import { descendingU64Key, lengthPrefixed, storeKey } from "../../../runtime/module/kit.js";

export const MODULE_NAME = "records";
export const STORE_KEY = "records";

/**
 * State layout under "records/" (strings are UTF-8; `len` is one byte; ^h is the anchor height
 * as a descending big-endian u64, so a prefix scan lists the newest first):
 *   0x01 | record id                                   → AnchoredRecord (protobuf)
 *   0x02 | len(patient) | patient | ^h | record id     → empty (a patient's records)
 *   0x03 | len(patient) | patient | class | ^h | id    → empty (a patient's records of one class)
 */
export const RECORD_PREFIX = Uint8Array.of(0x01);
export const PATIENT_INDEX_PREFIX = Uint8Array.of(0x02);
export const PATIENT_CLASS_INDEX_PREFIX = Uint8Array.of(0x03);

export function recordKey(id: string): Uint8Array {
  return storeKey(RECORD_PREFIX, id);
}

export function recordsOfPatientPrefix(patient: string, recordClass: RecordClass = RecordClass.RECORD_CLASS_UNSPECIFIED): Uint8Array {
  return recordClass === RecordClass.RECORD_CLASS_UNSPECIFIED
    ? storeKey(PATIENT_INDEX_PREFIX, lengthPrefixed(patient))
    : storeKey(PATIENT_CLASS_INDEX_PREFIX, lengthPrefixed(patient), [recordClass]);
}

export function patientIndexKeys(patient: string, recordClass: RecordClass, height: bigint, id: string): Uint8Array[] {
  const h = descendingU64Key(height);
  return [storeKey(recordsOfPatientPrefix(patient), h, id), storeKey(recordsOfPatientPrefix(patient, recordClass), h, id)];
}

/** The record id at the end of an index key (after the 8-byte height). */
export function recordIdOfIndexSuffix(suffix: Uint8Array): string {
  return new TextDecoder().decode(suffix.subarray(8));
}
