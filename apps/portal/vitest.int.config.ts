import { fileURLToPath } from "node:url";
import { intConfig } from "../../tooling/vitest/config.mjs";

export default intConfig({
  environment: "node",
  setupFiles: ["./src/test/env.ts"],
  alias: {
    "@/": fileURLToPath(new URL("./src/", import.meta.url)),
    // Server modules are exercised directly here, outside React's server bundle.
    "server-only": fileURLToPath(
      new URL("../../node_modules/server-only/empty.js", import.meta.url),
    ),
  },
});
