import type { QueryClient } from "@cosmjs/stargate";
import { createProtobufRpcClient } from "@cosmjs/stargate";
import type { Alert, QueryAlertsByPatientResponse } from "@precision/proto";
import { AlertsQueryClientImpl } from "@precision/proto";
import { createPagination, present } from "../compose.js";

export interface AlertsExtension {
  readonly alerts: {
    readonly alert: (id: string) => Promise<Alert>;
    readonly alertsByPatient: (patient: string, paginationKey?: Uint8Array) => Promise<QueryAlertsByPatientResponse>;
    readonly alertCodes: () => Promise<string[]>;
  };
}

export function setupAlertsExtension(base: QueryClient): AlertsExtension {
  const queryService = new AlertsQueryClientImpl(createProtobufRpcClient(base));
  return {
    alerts: {
      alert: async (id) => present((await queryService.Alert({ id })).alert, "an alert"),
      alertsByPatient: async (patient, paginationKey) => queryService.AlertsByPatient({ patient, pagination: createPagination(paginationKey) }),
      alertCodes: async () => (await queryService.AlertCodes({})).codes,
    },
  };
}
