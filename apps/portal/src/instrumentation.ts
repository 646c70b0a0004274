export async function register() {
  // NEXT_RUNTIME must be read literally here so Next can drop the Node-only branch from other runtimes.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node.ts");
}
