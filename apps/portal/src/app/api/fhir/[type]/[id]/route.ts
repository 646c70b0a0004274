import { caller, checkType, read } from "@/server/fhir/api.ts";
import { errorResponse, fhirResponse } from "@/server/fhir/outcome.ts";

export const dynamic = "force-dynamic";

/** Read one record: 403 unless the chain shows a live grant (or it is the reader's organisation's). */
export async function GET(request: Request, { params }: { params: Promise<{ type: string; id: string }> }) {
  try {
    const { type, id } = await params;
    checkType(type);
    const profile = await caller(request);
    return fhirResponse(await read(profile, type, id));
  } catch (err) {
    return errorResponse(err);
  }
}
