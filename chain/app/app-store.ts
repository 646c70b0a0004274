import type { BatchOp } from "../runtime/abci/application.js";
import type { CommitInfo, StateProof } from "../runtime/store/state-store.js";
import type { CacheKVStore, KVStore } from "../runtime/store/types.js";

/** The part of the StateStore (runtime/store) the application drives. */
export interface AppStore extends KVStore {
  /** Keys changed since the last commit; a fresh app rolls these back. */
  readonly uncommittedKeys: number;
  branch(): CacheKVStore;
  workingHash(): Uint8Array;
  commit(height: number, sidecar?: readonly BatchOp[]): Promise<CommitInfo>;
  rollbackWorking(): void;
  lastCommitted(): CommitInfo;
  getAt(key: Uint8Array, height: number): Promise<Uint8Array | undefined>;
  /** A key written through a commit sidecar. */
  getRaw(key: Uint8Array): Promise<Uint8Array | undefined>;
  proveAt(key: Uint8Array, height: number): Promise<StateProof>;
}
