import { ingestDeviceObservation } from "@/server/device-ingest.ts";
import { errorResponse, fhirResponse } from "@/server/fhir/outcome.ts";

export const dynamic = "force-dynamic";

/** A wearable posts a signed reading: stored encrypted for the patient; an abnormal rhythm also raises the alert on chain. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const result = await ingestDeviceObservation(id, await request.text(), request.headers.get("x-device-signature"));
    return fhirResponse(
      {
        resourceType: "OperationOutcome",
        issue: [
          { severity: "information", code: "informational", diagnostics: `reading stored encrypted as record ${result.reading.id}; it joins the record when the patient's browser anchors it` },
          ...(result.alert ? [{ severity: "information" as const, code: "informational" as const, diagnostics: `alert ${result.alert.id} raised (${result.alert.code})` }] : []),
        ],
      },
      202,
      { "x-precision-record-id": result.reading.id, ...(result.alert ? { "x-precision-alert-id": result.alert.id, "x-precision-tx-hash": result.alert.txHash, "x-precision-grants": result.alert.grants.join(",") } : {}) },
    );
  } catch (err) {
    return errorResponse(err);
  }
}
