export { MsgRouter } from "./msg-router.js";
export type { DecodedMsg, MsgResult, MsgRoute } from "./msg-router.js";
export { GrpcCode, GrpcStatusError, invalidArgument, notFound, QueryRouter } from "./query-router.js";
export type { QueryHandler } from "./query-router.js";
