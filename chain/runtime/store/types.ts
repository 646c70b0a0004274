/**
 * Key-value access used by modules during block execution. Reads and writes are synchronous so
 * that a block executes without awaiting I/O; persistence happens once per block at commit.
 * Keys and values are raw bytes; iteration is always in ascending (or descending) byte order.
 */
export interface KVStore {
  get(key: Uint8Array): Uint8Array | undefined;
  has(key: Uint8Array): boolean;
  set(key: Uint8Array, value: Uint8Array): void;
  delete(key: Uint8Array): void;
  /** Entries with start <= key < end (either bound optional), in byte order. */
  iterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<[Uint8Array, Uint8Array]>;
  reverseIterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<[Uint8Array, Uint8Array]>;
}

/**
 * A store that can look a key up by its latin1 string (bytes.ts keyString) as well as by its
 * bytes. Layers pass the string down, so a read through several branches converts the key once.
 */
export interface KeyedReader {
  getKeyed(id: string, key: Uint8Array): Uint8Array | undefined;
  hasKeyed(id: string, key: Uint8Array): boolean;
}

/** The store itself if it reads by key string, else an adapter that reads by the bytes. */
export function asKeyedReader(store: KVStore): KeyedReader {
  const candidate = store as Partial<KeyedReader>;
  if (typeof candidate.getKeyed === "function" && typeof candidate.hasKeyed === "function") return candidate as KeyedReader;
  return { getKeyed: (_id, key) => store.get(key), hasKeyed: (_id, key) => store.has(key) };
}

/** A write-back layer over a parent store: `write()` flushes into the parent, dropping it discards. */
export interface CacheKVStore extends KVStore {
  write(): void;
  branch(): CacheKVStore;
}
