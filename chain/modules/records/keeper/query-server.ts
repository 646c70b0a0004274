import {
  QueryRecordRequest,
  QueryRecordResponse,
  QueryRecordsByPatientRequest,
  QueryRecordsByPatientResponse,
} from "@precision/proto/precision/records/v1/query";
import { RecordClass } from "@precision/proto";
import { parseAddress } from "../../../runtime/address/bech32-address.js";
import type { Context } from "../../../runtime/context/context.js";
import { invalidArgument, type QueryHandler } from "../../../runtime/router/query-router.js";
import type { RecordsKeeper } from "./keeper.js";

export const QUERY_SERVICE = "precision.records.v1.Query";

/** precision.records.v1.Query. A missing record answers with records' record_not_found code. */
export function recordsQueryServer(keeper: RecordsKeeper): Record<string, QueryHandler> {
  return {
    Record(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryRecordRequest.decode(data);
      if (req.id === "") throw invalidArgument("record id must not be empty");
      return QueryRecordResponse.encode({ record: keeper.requireRecord(ctx, req.id) }).finish();
    },
    RecordsByPatient(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryRecordsByPatientRequest.decode(data);
      const patient = parseAddress(req.patient);
      if (!patient.ok) throw invalidArgument(`invalid patient address ${JSON.stringify(req.patient)}`);
      if (RecordClass[req.recordClass] === undefined || req.recordClass < 0) throw invalidArgument(`unknown record class ${req.recordClass}`);
      const page = keeper.listByPatient(ctx, patient.address, req.recordClass, req.pagination);
      return QueryRecordsByPatientResponse.encode({ records: page.items, pagination: page.pagination }).finish();
    },
  };
}
