import type { Prisma } from "@precision/db";
import type { IndexedBlock } from "../core/decode.js";
import type { StateReader } from "../core/state-reader.js";

export type Tx = Prisma.TransactionClient;

export interface ProjectionContext {
  readonly block: IndexedBlock;
  /** The chain's genesis app_state when `block` is the chain's first block, so genesis entities are seeded. */
  readonly genesisAppState: Record<string, unknown> | undefined;
  readonly state: StateReader;
}

/** Writes a projection's rows inside the block's database transaction. */
export type ProjectionWrite = (tx: Tx) => Promise<void>;

/**
 * One per chain module. `load` runs before the block's transaction opens (it may read the node);
 * the write it returns runs inside it. Values are read from the node at the block's height, so a
 * projection is exact whatever the events say, and replaying a block writes the same rows.
 */
export interface Projection {
  readonly module: string;
  load(ctx: ProjectionContext): Promise<ProjectionWrite>;
}
