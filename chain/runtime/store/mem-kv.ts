import { copyBytes, keyString } from "./bytes.js";
import { SortedMap } from "./sorted-map.js";
import type { KeyedReader, KVStore } from "./types.js";

export interface Entry {
  readonly key: Uint8Array;
  readonly value: Uint8Array;
  /** sha256(key), filled in lazily by the state store; a pure function of `key`, so safe to share. */
  keyHash?: Uint8Array;
}

/**
 * A sorted in-memory KVStore with no persistence and no Merkle tree: the working set of the
 * state store, and a handy backing store for module unit tests. Keys and values are copied on
 * write, so a caller may reuse its buffers.
 */
export class MemKVStore implements KVStore, KeyedReader {
  protected readonly entries = new SortedMap<Entry>();

  get size(): number {
    return this.entries.size;
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return this.entries.get(keyString(key))?.value;
  }

  has(key: Uint8Array): boolean {
    return this.entries.has(keyString(key));
  }

  getKeyed(id: string): Uint8Array | undefined {
    return this.entries.get(id)?.value;
  }

  hasKeyed(id: string): boolean {
    return this.entries.has(id);
  }

  set(key: Uint8Array, value: Uint8Array): void {
    assertKey(key);
    assertValue(value);
    this.entries.set(keyString(key), { key: copyBytes(key), value: copyBytes(value) });
  }

  delete(key: Uint8Array): void {
    this.entries.delete(keyString(key));
  }

  iterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<[Uint8Array, Uint8Array]> {
    return pairs(this.entries.range(bound(start), bound(end)));
  }

  reverseIterator(
    start?: Uint8Array,
    end?: Uint8Array,
  ): IterableIterator<[Uint8Array, Uint8Array]> {
    return pairs(this.entries.rangeReversed(bound(start), bound(end)));
  }
}

export function assertKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.byteLength === 0) {
    throw new TypeError("store keys must be non-empty Uint8Arrays");
  }
}

export function assertValue(value: Uint8Array): void {
  if (!(value instanceof Uint8Array)) throw new TypeError("store values must be Uint8Arrays");
}

export function bound(key: Uint8Array | undefined): string | undefined {
  return key === undefined ? undefined : keyString(key);
}

function* pairs(entries: Iterable<Entry>): Generator<[Uint8Array, Uint8Array]> {
  for (const e of entries) yield [e.key, e.value];
}
