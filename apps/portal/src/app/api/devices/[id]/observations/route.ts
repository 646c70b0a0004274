import { ingestDeviceObservation } from "@/server/device-ingest.ts";
import { errorResponse, fhirResponse } from "@/server/fhir/outcome.ts";

export const dynamic = "force-dynamic";

/** A wearable posts a signed reading; an abnormal rhythm raises the alert on chain. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const result = await ingestDeviceObservation(id, await request.text(), request.headers.get("x-device-signature"));
    return fhirResponse(
      { resourceType: "OperationOutcome", issue: [{ severity: "information", code: "informational", diagnostics: result.alert ? `alert ${result.alert.id} raised (${result.alert.code})` : "reading accepted" }] },
      202,
      result.alert ? { "x-precision-alert-id": result.alert.id, "x-precision-tx-hash": result.alert.txHash, "x-precision-grants": result.alert.grants.join(",") } : {},
    );
  } catch (err) {
    return errorResponse(err);
  }
}
