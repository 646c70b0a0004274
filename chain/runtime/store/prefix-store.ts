import { concatBytes, prefixEnd } from "./bytes.js";
import type { KVStore } from "./types.js";

type Pair = [Uint8Array, Uint8Array];

/**
 * A view of `parent` restricted to keys under `prefix`, with the prefix stripped on the way out.
 * Each module gets one, so it can neither read nor write another module's keys. Nesting a
 * prefix store inside another concatenates the prefixes.
 */
export class PrefixStore implements KVStore {
  private readonly end: Uint8Array | undefined;

  constructor(
    private readonly parent: KVStore,
    private readonly prefix: Uint8Array,
  ) {
    if (prefix.byteLength === 0) throw new TypeError("a prefix store needs a non-empty prefix");
    this.end = prefixEnd(prefix);
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return this.parent.get(this.full(key));
  }

  has(key: Uint8Array): boolean {
    return this.parent.has(this.full(key));
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.parent.set(this.full(key), value);
  }

  delete(key: Uint8Array): void {
    this.parent.delete(this.full(key));
  }

  iterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<Pair> {
    return this.strip(this.parent.iterator(...this.bounds(start, end)));
  }

  reverseIterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<Pair> {
    return this.strip(this.parent.reverseIterator(...this.bounds(start, end)));
  }

  private full(key: Uint8Array): Uint8Array {
    if (key.byteLength === 0) throw new TypeError("store keys must be non-empty Uint8Arrays");
    return concatBytes(this.prefix, key);
  }

  private bounds(start?: Uint8Array, end?: Uint8Array): [Uint8Array, Uint8Array | undefined] {
    return [
      start === undefined ? this.prefix : concatBytes(this.prefix, start),
      end === undefined ? this.end : concatBytes(this.prefix, end),
    ];
  }

  private *strip(it: Iterable<Pair>): Generator<Pair> {
    const n = this.prefix.byteLength;
    for (const [k, v] of it) yield [k.subarray(n), v];
  }
}
