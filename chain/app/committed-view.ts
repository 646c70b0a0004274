import { keyString } from "../runtime/store/bytes.js";
import { CacheKV } from "../runtime/store/cachekv.js";
import { asKeyedReader, type KeyedReader, type KVStore } from "../runtime/store/types.js";

type Pair = [Uint8Array, Uint8Array];

/**
 * The last committed state, readable while a finalized block's writes sit uncommitted in the
 * store's working state. Block execution writes through `writer`, which records each key's
 * committed value the first time it changes; reads through this view return those recorded
 * values, so queries and CheckTx never observe a block before its Commit. The SDK gets the same
 * isolation from IAVL's immutable committed versions.
 */
export class CommittedView implements KVStore, KeyedReader {
  private undo: CacheKV | null = null;
  private readonly recorded = new Set<string>();
  private readonly storeReader: KeyedReader;
  readonly writer: KVStore & KeyedReader;

  constructor(private readonly store: KVStore) {
    const storeReader = (this.storeReader = asKeyedReader(store));
    this.writer = {
      get: (key) => store.get(key),
      has: (key) => store.has(key),
      getKeyed: (id, key) => storeReader.getKeyed(id, key),
      hasKeyed: (id, key) => storeReader.hasKeyed(id, key),
      set: (key, value) => {
        this.recordPrevious(key);
        store.set(key, value);
      },
      delete: (key) => {
        this.recordPrevious(key);
        store.delete(key);
      },
      iterator: (start, end) => store.iterator(start, end),
      reverseIterator: (start, end) => store.reverseIterator(start, end),
    };
  }

  /** Called once the working state is committed: it is now the committed state. */
  committed(): void {
    this.undo = null;
    this.recorded.clear();
  }

  get hasPendingWrites(): boolean {
    return this.undo !== null;
  }

  private recordPrevious(key: Uint8Array): void {
    const undo = (this.undo ??= new CacheKV(this.store));
    const id = keyString(key);
    if (this.recorded.has(id)) return;
    this.recorded.add(id);
    const previous = this.store.get(key);
    if (previous === undefined) undo.delete(key);
    else undo.set(key, previous);
  }

  private get source(): KVStore {
    return this.undo ?? this.store;
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return this.source.get(key);
  }

  has(key: Uint8Array): boolean {
    return this.source.has(key);
  }

  getKeyed(id: string, key: Uint8Array): Uint8Array | undefined {
    return (this.undo ?? this.storeReader).getKeyed(id, key);
  }

  hasKeyed(id: string, key: Uint8Array): boolean {
    return (this.undo ?? this.storeReader).hasKeyed(id, key);
  }

  set(): void {
    throw new Error("the committed view is read-only");
  }

  delete(): void {
    throw new Error("the committed view is read-only");
  }

  iterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<Pair> {
    return this.source.iterator(start, end);
  }

  reverseIterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<Pair> {
    return this.source.reverseIterator(start, end);
  }
}
