import { compareBytes, keyString } from "./bytes.js";
import { assertKey, assertValue, bound } from "./mem-kv.js";
import { SortedMap } from "./sorted-map.js";
import { asKeyedReader, type CacheKVStore, type KeyedReader, type KVStore } from "./types.js";

/** A pending write; `value === undefined` records a delete that shadows the parent. */
interface Dirty {
  readonly key: Uint8Array;
  readonly value: Uint8Array | undefined;
}

type Pair = [Uint8Array, Uint8Array];

/**
 * Write-back cache over any KVStore (store/cachekv in the Cosmos SDK). Reads fall through to the
 * parent unless this layer wrote the key; iteration merges the parent's range with this layer's
 * sorted dirty entries, dropping deleted keys. `write()` flushes in key order and empties the
 * layer; dropping the object discards it. Branches nest: a branch of a branch writes into it.
 * Like the SDK's, it keeps the caller's key and value buffers until write() (the state store
 * copies them then), so callers must not mutate a buffer after passing it in.
 */
export class CacheKV implements CacheKVStore, KeyedReader {
  private readonly dirty = new SortedMap<Dirty>();
  private readonly parentReader: KeyedReader;

  constructor(private readonly parent: KVStore) {
    this.parentReader = asKeyedReader(parent);
  }

  /** Number of keys written or deleted in this layer and not yet flushed. */
  get pendingWrites(): number {
    return this.dirty.size;
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return this.getKeyed(keyString(key), key);
  }

  has(key: Uint8Array): boolean {
    return this.hasKeyed(keyString(key), key);
  }

  getKeyed(id: string, key: Uint8Array): Uint8Array | undefined {
    const d = this.dirty.get(id);
    return d === undefined ? this.parentReader.getKeyed(id, key) : d.value;
  }

  hasKeyed(id: string, key: Uint8Array): boolean {
    const d = this.dirty.get(id);
    return d === undefined ? this.parentReader.hasKeyed(id, key) : d.value !== undefined;
  }

  set(key: Uint8Array, value: Uint8Array): void {
    assertKey(key);
    assertValue(value);
    this.dirty.set(keyString(key), { key, value });
  }

  delete(key: Uint8Array): void {
    assertKey(key);
    this.dirty.set(keyString(key), { key, value: undefined });
  }

  write(): void {
    // Another cache layer keys its entries by string and sorts only when scanned, so the order of
    // these writes is unobservable there; a tx's two branches flush into the block's this way
    // without sorting. Any other parent gets them in key order.
    const entries = this.parent instanceof CacheKV ? this.dirty.values() : this.dirty.range();
    for (const d of entries) {
      if (d.value === undefined) this.parent.delete(d.key);
      else this.parent.set(d.key, d.value);
    }
    this.dirty.clear();
  }

  branch(): CacheKVStore {
    return new CacheKV(this);
  }

  iterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<Pair> {
    return merge(this.parent.iterator(start, end), this.dirty.range(bound(start), bound(end)), 1);
  }

  reverseIterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<Pair> {
    return merge(
      this.parent.reverseIterator(start, end),
      this.dirty.rangeReversed(bound(start), bound(end)),
      -1,
    );
  }
}

/** Merges two streams sorted in `direction` order; on equal keys the dirty entry wins. */
function* merge(
  parent: Iterator<Pair>,
  dirty: Iterator<Dirty>,
  direction: 1 | -1,
): Generator<Pair> {
  let p = parent.next();
  let d = dirty.next();
  while (!p.done || !d.done) {
    let cmp: number;
    if (p.done) cmp = 1;
    else if (d.done) cmp = -1;
    else cmp = compareBytes(p.value[0], d.value.key) * direction;
    if (cmp < 0 && !p.done) {
      yield p.value;
      p = parent.next();
      continue;
    }
    if (cmp === 0) p = parent.next();
    const entry = d.value as Dirty;
    d = dirty.next();
    if (entry.value !== undefined) yield [entry.key, entry.value];
  }
}
