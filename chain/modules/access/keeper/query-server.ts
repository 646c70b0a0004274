import {
  QueryAccessLogRequest,
  QueryAccessLogResponse,
  QueryCanReadRequest,
  QueryCanReadResponse,
  QueryEmergencyRulesRequest,
  QueryEmergencyRulesResponse,
  QueryGrantRequest,
  QueryGrantResponse,
  QueryGrantsByPatientRequest,
  QueryGrantsByPatientResponse,
  QueryGrantsToReaderRequest,
  QueryGrantsToReaderResponse,
  QueryParamsRequest,
  QueryParamsResponse,
} from "@precision/proto/precision/access/v1/query";
import { parseAddress } from "../../../runtime/address/bech32-address.js";
import type { Context } from "../../../runtime/context/context.js";
import { invalidArgument, type QueryHandler } from "../../../runtime/router/query-router.js";
import { grantStatus, type AccessKeeper } from "./keeper.js";

export const QUERY_SERVICE = "precision.access.v1.Query";

function address(value: string, field: string): string {
  const parsed = parseAddress(value);
  if (!parsed.ok) throw invalidArgument(`invalid ${field} address ${JSON.stringify(value)}`);
  return parsed.address;
}

/** precision.access.v1.Query; every answer is as of the queried height's block time. */
export function accessQueryServer(keeper: AccessKeeper): Record<string, QueryHandler> {
  return {
    Params(ctx: Context, data: Uint8Array): Uint8Array {
      QueryParamsRequest.decode(data);
      return QueryParamsResponse.encode({ params: keeper.getParams(ctx) }).finish();
    },
    Grant(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryGrantRequest.decode(data);
      return QueryGrantResponse.encode({ grant: keeper.requireGrant(ctx, req.id) }).finish();
    },
    GrantsByPatient(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryGrantsByPatientRequest.decode(data);
      const page = keeper.listGrantsByPatient(ctx, address(req.patient, "patient"), req.pagination);
      return QueryGrantsByPatientResponse.encode({ grants: page.items, pagination: page.pagination }).finish();
    },
    GrantsToReader(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryGrantsToReaderRequest.decode(data);
      const now = ctx.blockTime.seconds;
      const grants = keeper.grantsToReader(ctx, address(req.reader, "reader")).filter((g) => !req.liveOnly || grantStatus(g, now) === "live");
      return QueryGrantsToReaderResponse.encode({ grants }).finish();
    },
    EmergencyRules(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryEmergencyRulesRequest.decode(data);
      return QueryEmergencyRulesResponse.encode({ rules: keeper.rulesOf(ctx, address(req.patient, "patient")) }).finish();
    },
    AccessLog(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryAccessLogRequest.decode(data);
      const page = keeper.listAccessLog(ctx, address(req.patient, "patient"), req.pagination);
      return QueryAccessLogResponse.encode({ entries: page.items, pagination: page.pagination }).finish();
    },
    CanRead(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryCanReadRequest.decode(data);
      if (req.recordId === "") throw invalidArgument("record_id must not be empty");
      return QueryCanReadResponse.encode(keeper.canRead(ctx, address(req.reader, "reader"), req.recordId)).finish();
    },
  };
}
