export { ChainMismatchError, Indexer, type IndexerOptions } from "./core/indexer.js";
export { IndexerMetrics } from "./core/metrics.js";
export { BlockFollower } from "./core/follower.js";
export { CometRpc, RpcCallError, RpcUnavailableError } from "./core/comet-rpc.js";
export { decodeBlock, type IndexedBlock, type IndexedTx } from "./core/decode.js";
export { writeBlock, indexedHeight, resetIndexedState, CURSOR_ID } from "./core/writer.js";
export { projections } from "./projections/index.js";
export { startIndexerService, type IndexerService } from "./service.js";
