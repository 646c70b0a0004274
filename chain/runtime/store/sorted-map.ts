import { createRequire } from "node:module";
import type SortedBtree from "sorted-btree";

/**
 * sorted-btree is CommonJS with `exports.default`, which Node's ESM loader and Vitest's interop
 * disagree about; requiring it gives the same class under both.
 */
const { default: BTree } = createRequire(import.meta.url)("sorted-btree") as typeof SortedBtree;
type Tree<V> = InstanceType<typeof BTree<string, V>>;

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * An ordered map from latin1 key strings (see bytes.ts) to values, backed by a B+ tree.
 * Range scans take a copy-on-write snapshot first, so writes made while a caller is still
 * iterating (the usual "iterate and delete" pattern) never disturb the scan.
 * Point reads, which far outnumber writes and scans in tx execution, go to a hash map beside the
 * tree: a string hash is computed once per string, a tree lookup compares strings at each level.
 * The tree is built on the first bounded scan and kept from then on: most maps (a tx's write
 * branches) are only ever read by key and flushed once, unsorted or by one sort.
 */
export class SortedMap<V> {
  private tree: Tree<V> | undefined;
  private readonly index = new Map<string, V>();

  get size(): number {
    return this.index.size;
  }

  get(key: string): V | undefined {
    return this.index.get(key);
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  set(key: string, value: V): void {
    this.tree?.set(key, value, true);
    this.index.set(key, value);
  }

  delete(key: string): boolean {
    this.tree?.delete(key);
    return this.index.delete(key);
  }

  clear(): void {
    this.tree = undefined;
    this.index.clear();
  }

  /** Every value, in no particular order (insertion order). */
  values(): IterableIterator<V> {
    return this.index.values();
  }

  /** The entries in key order, copied out of the hash map. */
  private sortedEntries(): [string, V][] {
    return [...this.index.keys()].sort(compareStrings).map((k) => [k, this.index.get(k) as V]);
  }

  private sortedTree(): Tree<V> {
    this.tree ??= new BTree<string, V>(this.sortedEntries(), compareStrings, 64);
    return this.tree;
  }

  /** Values with start <= key < end, ascending. */
  *range(start?: string, end?: string): Generator<V> {
    if (this.tree === undefined && start === undefined && end === undefined) {
      // A full scan of a map that was never scanned by range: sort a snapshot instead.
      for (const [, v] of this.sortedEntries()) yield v;
      return;
    }
    const snapshot = this.sortedTree().clone();
    for (const [k, v] of snapshot.entries(start)) {
      if (end !== undefined && k >= end) return;
      yield v;
    }
  }

  /** Values with start <= key < end, descending. */
  *rangeReversed(start?: string, end?: string): Generator<V> {
    const snapshot = this.sortedTree().clone();
    for (const [k, v] of snapshot.entriesReversed(end, undefined, end !== undefined)) {
      if (start !== undefined && k < start) return;
      yield v;
    }
  }
}
