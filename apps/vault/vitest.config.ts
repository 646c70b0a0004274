import { unitConfig } from "../../tooling/vitest/config.mjs";

export default unitConfig();
