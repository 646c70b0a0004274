import { caller, checkType, create, readBody, search } from "@/server/fhir/api.ts";
import { errorResponse, fhirResponse } from "@/server/fhir/outcome.ts";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ type: string }> };

/** Create: validate → encrypt → vault → anchor. 201 with the record id and the anchoring tx. */
export async function POST(request: Request, { params }: Params) {
  try {
    const { type } = await params;
    checkType(type);
    const profile = await caller(request);
    const resource = await readBody(request, type);
    const created = await create(profile, type, resource);
    return fhirResponse({ resourceType: "OperationOutcome", id: created.id, issue: [{ severity: "information", code: "informational", diagnostics: `created ${type}/${created.id} in tx ${created.txHash}` }] }, 201, {
      location: `/api/fhir/${type}/${created.id}`,
      "x-precision-record-id": created.id,
      "x-precision-tx-hash": created.txHash,
    });
  } catch (err) {
    return errorResponse(err);
  }
}

/** Search by patient, category and date (and Consent / AuditEvent by patient). */
export async function GET(request: Request, { params }: Params) {
  try {
    const { type } = await params;
    checkType(type);
    const profile = await caller(request);
    return fhirResponse(await search(profile, type, new URL(request.url).searchParams));
  } catch (err) {
    return errorResponse(err);
  }
}
