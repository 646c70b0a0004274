/**
 * The chain's state store.
 *
 *   StateStore.open(dir, { nodeCacheSize? }): Promise<StateStore>
 *     Opens (or creates) the LevelDB in `dir`, loads the last committed state into memory and
 *     checks it against its stored root.
 *   StateStore is a KVStore over the working (uncommitted) state, all synchronous:
 *     get / has / set / delete / iterator(start?, end?) / reverseIterator(start?, end?)
 *     Keys are non-empty; iteration is in byte order over start <= key < end, and each iterator
 *     reads a snapshot taken when it was created (writing while iterating is safe).
 *   store.branch(): CacheKVStore           write-back layer (CheckTx, per-tx state, Simulate)
 *   store.workingHash(): Uint8Array       root of the working state = FinalizeBlock's app hash
 *   store.commit(height, sidecar?): Promise<CommitInfo>
 *     Persists version `height` (last + 1) with the engine's sidecar ops in one atomic, synced batch.
 *     Root and batch are built synchronously; the next block may execute while the write runs
 *     (a second commit waits for the first to resolve).
 *   store.rollbackWorking(): void         drops every change since the last commit
 *   store.lastCommitted(): { height, rootHash }   height 0 and EMPTY_HASH before the first commit
 *   store.rootAt(height): Promise<Uint8Array | undefined>
 *   store.getAt(key, height): Promise<Uint8Array | undefined>
 *   store.proveAt(key, height): Promise<StateProof>   { height, rootHash, key, value?, proof }
 *     `proof` bytes verify with @precision/client's verifyInclusionProof / verifyNonInclusionProof
 *     against rootHash (the app hash in the header of block height + 1).
 *   store.getRaw(key) / store.iterateRaw({ gte?, lt?, reverse?, limit? })
 *     The engine's own data written through commit's sidecar; a separate namespace that can
 *     never collide with state keys.
 *   store.close(): Promise<void>
 *
 *   new CacheKV(parent: KVStore): CacheKVStore        write(), branch(), merged iteration
 *   new PrefixStore(parent: KVStore, prefix): KVStore  a module's namespace
 *   new MemKVStore(): KVStore                          sorted in-memory store, for unit tests
 *   EMPTY_HASH                                         root of the empty tree (32 bytes)
 */
export type { CacheKVStore, KVStore } from "./types.js";
export { CacheKV } from "./cachekv.js";
export { PrefixStore } from "./prefix-store.js";
export { MemKVStore } from "./mem-kv.js";
export { EMPTY_HASH } from "./hash.js";
export {
  StateStore,
  type CommitInfo,
  type RawRange,
  type StateProof,
  type StateStoreOptions,
} from "./state-store.js";
