export { AbciFailure, ChainError, ErrInternal, ErrPanic, lookupError, RegisteredError, registerError, toAbciError } from "./registry.js";
export type { AbciError } from "./registry.js";
export * from "./sdk-errors.js";
