import { fileURLToPath } from "node:url";
import { unitConfig } from "../../tooling/vitest/config.mjs";

export default unitConfig({
  environment: "node",
  alias: { "@/": fileURLToPath(new URL("./src/", import.meta.url)) },
});
