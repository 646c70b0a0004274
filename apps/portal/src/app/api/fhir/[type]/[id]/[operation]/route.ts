import { caller, everything } from "@/server/fhir/api.ts";
import { errorResponse, fhirResponse, FhirError } from "@/server/fhir/outcome.ts";

export const dynamic = "force-dynamic";

/** Patient/{id}/$everything: a Bundle of every record the caller may read now. */
export async function GET(request: Request, { params }: { params: Promise<{ type: string; id: string; operation: string }> }) {
  try {
    const { type, id, operation } = await params;
    if (type !== "Patient" || operation !== "$everything") throw FhirError.of(404, "not-supported", `no operation ${type}/${id}/${operation}`);
    return fhirResponse(await everything(await caller(request), id));
  } catch (err) {
    return errorResponse(err);
  }
}
