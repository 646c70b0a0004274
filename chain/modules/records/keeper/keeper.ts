import type { PageRequest } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";
import type { RecordClass } from "@precision/proto";
import { AnchoredRecord } from "@precision/proto";
import type { Context } from "../../../runtime/context/context.js";
import { paginate, type Page } from "../../../runtime/query/pagination.js";
import type { KVStore } from "../../../runtime/store/types.js";
import { RecordsErrors } from "../types/errors.js";
import { patientIndexKeys, recordIdOfIndexSuffix, recordKey, recordsOfPatientPrefix, RECORD_PREFIX, STORE_KEY } from "../types/keys.js";

const EMPTY = new Uint8Array();

/** The only writer of "records/". */
export class RecordsKeeper {
  private store(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  getRecord(ctx: Context, id: string): AnchoredRecord | undefined {
    const bytes = this.store(ctx).get(recordKey(id));
    return bytes === undefined ? undefined : AnchoredRecord.decode(bytes);
  }

  requireRecord(ctx: Context, id: string): AnchoredRecord {
    const record = this.getRecord(ctx, id);
    if (record === undefined) throw RecordsErrors.recordNotFound.wrap(`record ${id}`);
    return record;
  }

  /** Writes a new record and its indexes. */
  addRecord(ctx: Context, record: AnchoredRecord): void {
    const store = this.store(ctx);
    store.set(recordKey(record.id), AnchoredRecord.encode(record).finish());
    for (const key of patientIndexKeys(record.patient, record.recordClass, BigInt(record.height), record.id)) store.set(key, EMPTY);
  }

  /** Rewrites a stored record's mutable field (superseded_by); indexes are unchanged. */
  markSuperseded(ctx: Context, id: string, by: string): void {
    const record = this.requireRecord(ctx, id);
    this.store(ctx).set(recordKey(id), AnchoredRecord.encode({ ...record, supersededBy: by }).finish());
  }

  listByPatient(ctx: Context, patient: string, recordClass: RecordClass, page?: PageRequest): Page<AnchoredRecord> {
    return paginate(this.store(ctx), recordsOfPatientPrefix(patient, recordClass), page, (suffix) => this.getRecord(ctx, recordIdOfIndexSuffix(suffix)));
  }

  allRecords(ctx: Context): AnchoredRecord[] {
    return [...this.store(ctx).iterator(RECORD_PREFIX, Uint8Array.of(RECORD_PREFIX[0]! + 1))].map(([, v]) => AnchoredRecord.decode(v));
  }
}
