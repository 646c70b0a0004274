export { Context } from "./context.js";
export type { BlockHeader, BlockTime, ExecMode } from "./context.js";
export { storePrefix } from "./store-key.js";
