import {
  QueryAlertCodesRequest,
  QueryAlertCodesResponse,
  QueryAlertRequest,
  QueryAlertResponse,
  QueryAlertsByPatientRequest,
  QueryAlertsByPatientResponse,
} from "@precision/proto/precision/alerts/v1/query";
import { parseAddress } from "../../../runtime/address/bech32-address.js";
import type { Context } from "../../../runtime/context/context.js";
import { invalidArgument, type QueryHandler } from "../../../runtime/router/query-router.js";
import { AlertsErrors } from "../types/errors.js";
import { ALERT_CODES } from "../types/params.js";
import type { AlertsKeeper } from "./keeper.js";

export const QUERY_SERVICE = "precision.alerts.v1.Query";

export function alertsQueryServer(keeper: AlertsKeeper): Record<string, QueryHandler> {
  return {
    Alert(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryAlertRequest.decode(data);
      const alert = keeper.getAlert(ctx, req.id);
      if (alert === undefined) throw AlertsErrors.alertNotFound.wrap(`alert ${req.id}`);
      return QueryAlertResponse.encode({ alert }).finish();
    },
    AlertsByPatient(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryAlertsByPatientRequest.decode(data);
      const patient = parseAddress(req.patient);
      if (!patient.ok) throw invalidArgument(`invalid patient address ${JSON.stringify(req.patient)}`);
      const page = keeper.listByPatient(ctx, patient.address, req.pagination);
      return QueryAlertsByPatientResponse.encode({ alerts: page.items, pagination: page.pagination }).finish();
    },
    AlertCodes(_ctx: Context, data: Uint8Array): Uint8Array {
      QueryAlertCodesRequest.decode(data);
      return QueryAlertCodesResponse.encode({ codes: [...ALERT_CODES] }).finish();
    },
  };
}
