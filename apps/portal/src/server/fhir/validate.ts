import "server-only";
import { loadMedplum } from "@/lib/medplum.ts";
import type { OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";
import { FhirError } from "./outcome.ts";

/** Validates against the R4 definitions; throws FhirError 422 with every issue found. */
export async function validateFhirResource(resource: Resource): Promise<void> {
  const core = await loadMedplum();
  let issues: OperationOutcomeIssue[];
  try {
    issues = core.validateResource(resource);
  } catch (err) {
    if (err instanceof core.OperationOutcomeError) issues = err.outcome.issue ?? [];
    else throw err;
  }
  const errors = issues.filter((i) => i.severity === "error" || i.severity === "fatal");
  if (errors.length > 0) throw new FhirError(422, errors);
}
