import type { PageRequest } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";
import { Alert } from "@precision/proto";
import type { Context } from "../../../runtime/context/context.js";
import { readU64, u64Key } from "../../../runtime/module/kit.js";
import { paginate, type Page } from "../../../runtime/query/pagination.js";
import { prefixEnd } from "../../../runtime/store/bytes.js";
import type { KVStore } from "../../../runtime/store/types.js";
import { alertKey, alertsOfPatientPrefix, ALERT_PREFIX, patientAlertKey, sequenceKey, SEQUENCE_PREFIX, STORE_KEY } from "../types/keys.js";

const EMPTY = new Uint8Array();
const decoder = new TextDecoder();

/** The only writer of "alerts/". */
export class AlertsKeeper {
  private store(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  getAlert(ctx: Context, id: string): Alert | undefined {
    const bytes = this.store(ctx).get(alertKey(id));
    return bytes === undefined ? undefined : Alert.decode(bytes);
  }

  putAlert(ctx: Context, alert: Alert): void {
    const store = this.store(ctx);
    store.set(alertKey(alert.id), Alert.encode(alert).finish());
    store.set(patientAlertKey(alert.patient, alert.height, alert.id), EMPTY);
  }

  /** The device's last accepted sequence, 0 before its first alert. */
  lastSequence(ctx: Context, deviceId: string): bigint {
    const bytes = this.store(ctx).get(sequenceKey(deviceId));
    return bytes === undefined ? 0n : readU64(bytes);
  }

  setLastSequence(ctx: Context, deviceId: string, sequence: bigint): void {
    this.store(ctx).set(sequenceKey(deviceId), u64Key(sequence));
  }

  listByPatient(ctx: Context, patient: string, page?: PageRequest): Page<Alert> {
    return paginate(this.store(ctx), alertsOfPatientPrefix(patient), page, (suffix) => this.getAlert(ctx, decoder.decode(suffix.subarray(8))));
  }

  allAlerts(ctx: Context): Alert[] {
    return [...this.store(ctx).iterator(ALERT_PREFIX, prefixEnd(ALERT_PREFIX))].map(([, v]) => Alert.decode(v));
  }

  allSequences(ctx: Context): { deviceId: string; sequence: bigint }[] {
    return [...this.store(ctx).iterator(SEQUENCE_PREFIX, prefixEnd(SEQUENCE_PREFIX))].map(([k, v]) => ({
      deviceId: decoder.decode(k.subarray(SEQUENCE_PREFIX.length)),
      sequence: readU64(v),
    }));
  }
}
