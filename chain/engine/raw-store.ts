import type { BatchOp } from "../runtime/abci/application.js";

export interface RangeOptions {
  readonly gte: Uint8Array;
  readonly lt: Uint8Array;
  readonly reverse?: boolean;
  readonly limit?: number;
}

/**
 * Read access to the node's own committed data (blocks, results). Those keys are
 * written only through `Application.commit(sidecar)`, in the same atomic batch as the state.
 */
export interface RawReader {
  get(key: Uint8Array): Promise<Uint8Array | undefined>;
  range(opts: RangeOptions): AsyncIterable<[Uint8Array, Uint8Array]>;
}

export type { BatchOp };
