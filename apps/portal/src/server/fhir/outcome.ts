import type { OperationOutcome, OperationOutcomeIssue } from "@medplum/fhirtypes";

/** A refusal of the FHIR API: its HTTP status and the OperationOutcome that explains it. */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly issues: OperationOutcomeIssue[],
  ) {
    super(issues.map((i) => i.diagnostics ?? i.details?.text ?? i.code).join("; "));
  }

  static of(status: number, code: OperationOutcomeIssue["code"], diagnostics: string, expression?: string[]): FhirError {
    return new FhirError(status, [{ severity: "error", code, diagnostics, ...(expression ? { expression } : {}) }]);
  }
}

export function operationOutcome(issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: issues };
}

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

export function fhirResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": FHIR_JSON, "cache-control": "no-store", ...headers } });
}

/** Any failure as an OperationOutcome response; unexpected ones are 500 without internals. */
export function errorResponse(err: unknown): Response {
  if (err instanceof FhirError) return fhirResponse(operationOutcome(err.issues), err.status);
  console.error("[fhir] unexpected error", err);
  return fhirResponse(operationOutcome([{ severity: "fatal", code: "exception", diagnostics: "the server failed to handle this request" }]), 500);
}
