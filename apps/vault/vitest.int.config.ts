import { intConfig } from "../../tooling/vitest/config.mjs";

export default intConfig();
