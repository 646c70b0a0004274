import type { QueryClient } from "@cosmjs/stargate";
import { createProtobufRpcClient } from "@cosmjs/stargate";
import type {
  EmergencyRule,
  Grant,
  Params,
  QueryAccessLogResponse,
  QueryGrantsByPatientResponse,
} from "@precision/proto";
import { AccessQueryClientImpl, AccessQueryServiceName, QueryCanReadRequest, QueryCanReadResponse } from "@precision/proto";
import { createPagination, present } from "../compose.js";

export interface AccessExtension {
  readonly access: {
    readonly params: () => Promise<Params>;
    readonly grant: (id: bigint | number) => Promise<Grant>;
    readonly grantsByPatient: (patient: string, paginationKey?: Uint8Array) => Promise<QueryGrantsByPatientResponse>;
    readonly grantsToReader: (reader: string, liveOnly?: boolean) => Promise<Grant[]>;
    readonly emergencyRules: (patient: string) => Promise<EmergencyRule[]>;
    readonly accessLog: (patient: string, paginationKey?: Uint8Array) => Promise<QueryAccessLogResponse>;
    /**
     * Whether `reader` may read `recordId`: now (the latest block), or at a past committed
     * `height`, as that block's state and time saw it.
     */
    readonly canRead: (reader: string, recordId: string, height?: number) => Promise<QueryCanReadResponse>;
  };
}

export function setupAccessExtension(base: QueryClient): AccessExtension {
  const queryService = new AccessQueryClientImpl(createProtobufRpcClient(base));
  return {
    access: {
      params: async () => present((await queryService.Params({})).params, "params"),
      grant: async (id) => present((await queryService.Grant({ id: BigInt(id) })).grant, "a grant"),
      grantsByPatient: async (patient, paginationKey) => queryService.GrantsByPatient({ patient, pagination: createPagination(paginationKey) }),
      grantsToReader: async (reader, liveOnly = false) => (await queryService.GrantsToReader({ reader, liveOnly })).grants,
      emergencyRules: async (patient) => (await queryService.EmergencyRules({ patient })).rules,
      accessLog: async (patient, paginationKey) => queryService.AccessLog({ patient, pagination: createPagination(paginationKey) }),
      canRead: async (reader, recordId, height) => {
        if (height === undefined) return queryService.CanRead({ reader, recordId });
        // The generated client cannot ask for a height; the ABCI query can.
        const request = QueryCanReadRequest.encode(QueryCanReadRequest.fromPartial({ reader, recordId })).finish();
        const { value } = await base.queryAbci(`/${AccessQueryServiceName}/CanRead`, request, height);
        return QueryCanReadResponse.decode(value);
      },
    },
  };
}
