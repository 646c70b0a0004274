import type { QueryClient } from "@cosmjs/stargate";
import { createProtobufRpcClient } from "@cosmjs/stargate";
import type { AnchoredRecord, QueryRecordsByPatientResponse, RecordClass } from "@precision/proto";
import { RecordsQueryClientImpl } from "@precision/proto";
import { createPagination, present } from "../compose.js";

export interface RecordsExtension {
  readonly records: {
    readonly record: (id: string) => Promise<AnchoredRecord>;
    /** Newest first; one class or all. Pass the previous page's `pagination.nextKey` for the next. */
    readonly recordsByPatient: (patient: string, recordClass?: RecordClass, paginationKey?: Uint8Array) => Promise<QueryRecordsByPatientResponse>;
  };
}

export function setupRecordsExtension(base: QueryClient): RecordsExtension {
  const queryService = new RecordsQueryClientImpl(createProtobufRpcClient(base));
  return {
    records: {
      record: async (id) => present((await queryService.Record({ id })).record, "a record"),
      recordsByPatient: async (patient, recordClass, paginationKey) =>
        queryService.RecordsByPatient({ patient, recordClass: recordClass ?? 0, pagination: createPagination(paginationKey) }),
    },
  };
}
