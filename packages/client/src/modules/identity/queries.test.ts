import { QueryClient } from "@cosmjs/stargate";
import type { CometClient } from "@cosmjs/tendermint-rpc";
import {
  Organization,
  OrganizationType,
  QueryDevicesByOwnerRequest,
  QueryDevicesByOwnerResponse,
  QueryOrganizationRequest,
  QueryOrganizationResponse,
  QueryOrganizationsRequest,
  QueryOrganizationsResponse,
} from "@precision/proto";
import { describe, expect, it } from "vitest";
import { setupIdentityExtension } from "./queries.js";

interface AbciCall {
  readonly path: string;
  readonly data: Uint8Array;
}

/** A CometClient that answers ABCI queries from a table of path → handler. */
function fakeComet(handlers: Record<string, (data: Uint8Array) => Uint8Array>) {
  const calls: AbciCall[] = [];
  const cometClient = {
    abciQuery: async ({ path, data }: AbciCall) => {
      calls.push({ path, data });
      const handler = handlers[path];
      if (handler === undefined) {
        return { code: 6, log: `unknown query path ${path}: unknown request`, height: 5 };
      }
      return { code: 0, value: handler(data), height: 5 };
    },
  } as unknown as CometClient;
  return { cometClient, calls };
}

const organization = Organization.fromPartial({
  id: "st-mary",
  name: "St Mary",
  type: OrganizationType.ORGANIZATION_TYPE_PROVIDER,
  active: true,
  registeredHeight: 3n,
});

describe("setupIdentityExtension", () => {
  it("queries the identity service path with the encoded request", async () => {
    const { cometClient, calls } = fakeComet({
      "/precision.identity.v1.Query/Organization": (data) => {
        expect(QueryOrganizationRequest.decode(data).id).toBe("st-mary");
        return QueryOrganizationResponse.encode({ organization }).finish();
      },
    });
    const query = QueryClient.withExtensions(cometClient, setupIdentityExtension);
    await expect(query.identity.organization("st-mary")).resolves.toEqual(organization);
    expect(calls.map((c) => c.path)).toEqual(["/precision.identity.v1.Query/Organization"]);
  });

  it("rejects an answer that leaves out the record", async () => {
    const { cometClient } = fakeComet({
      "/precision.identity.v1.Query/Organization": () =>
        QueryOrganizationResponse.encode({ organization: undefined }).finish(),
    });
    const query = QueryClient.withExtensions(cometClient, setupIdentityExtension);
    await expect(query.identity.organization("st-mary")).rejects.toThrow(/without an organization/);
  });

  it("sends the type filter and the pagination key", async () => {
    const nextKey = Uint8Array.of(1, 2, 3);
    const { cometClient, calls } = fakeComet({
      "/precision.identity.v1.Query/Organizations": () =>
        QueryOrganizationsResponse.encode({
          organizations: [organization],
          pagination: { nextKey: new Uint8Array(), total: 1n },
        }).finish(),
    });
    const query = QueryClient.withExtensions(cometClient, setupIdentityExtension);
    const page = await query.identity.organizations(
      OrganizationType.ORGANIZATION_TYPE_PROVIDER,
      nextKey,
    );
    expect(page.organizations).toEqual([organization]);
    const request = QueryOrganizationsRequest.decode(calls[0]?.data ?? new Uint8Array());
    expect(request.type).toBe(OrganizationType.ORGANIZATION_TYPE_PROVIDER);
    expect(request.pagination?.key).toEqual(nextKey);
  });

  it("puts the device owner in the request oneof", async () => {
    const { cometClient, calls } = fakeComet({
      "/precision.identity.v1.Query/DevicesByOwner": () =>
        QueryDevicesByOwnerResponse.encode({ devices: [], pagination: undefined }).finish(),
    });
    const query = QueryClient.withExtensions(cometClient, setupIdentityExtension);
    await query.identity.devicesByOwner({ carrierOrganizationId: "fast-freight" });
    const request = QueryDevicesByOwnerRequest.decode(calls[0]?.data ?? new Uint8Array());
    expect(request.carrierOrganizationId).toBe("fast-freight");
    expect(request.patientAddress).toBeUndefined();
  });

  it("surfaces the node's refusal", async () => {
    const { cometClient } = fakeComet({});
    const query = QueryClient.withExtensions(cometClient, setupIdentityExtension);
    await expect(query.identity.authority()).rejects.toThrow(/Query failed with \(6\)/);
  });
});
