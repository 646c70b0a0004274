import type { KVStore } from "../runtime/store/types.js";

type Pair = [Uint8Array, Uint8Array];

/** Reads a key at the historical version (the store's getAt). */
export type ReadAt = (key: Uint8Array) => Promise<Uint8Array | undefined>;

const MAX_PASSES = 16;

/**
 * A read-only view of a past version for synchronous keepers. The versioned tree is keyed by
 * sha256(key), so a past version can be read by key but not iterated in key order. So:
 * - `get` answers from values fetched at that version; a key not fetched yet is a miss;
 * - iteration walks the keys the latest state has in the range and yields those present at
 *   that version (with their past values). A key deleted since is not seen, so this is exact
 *   only for prefixes that are never deleted from: the caller keeps an allowlist.
 * `answerAt` runs the query, fetches what it missed, and runs it again until it misses nothing.
 */
class HistoricalView implements KVStore {
  readonly misses = new Set<string>();

  constructor(
    private readonly latest: KVStore,
    private readonly fetched: ReadonlyMap<string, Uint8Array | null>,
  ) {}

  private lookup(key: Uint8Array): Uint8Array | undefined {
    const id = Buffer.from(key).toString("latin1");
    if (!this.fetched.has(id)) {
      this.misses.add(id);
      return undefined;
    }
    return this.fetched.get(id) ?? undefined;
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return this.lookup(key);
  }

  has(key: Uint8Array): boolean {
    return this.lookup(key) !== undefined;
  }

  set(): void {
    throw new Error("a historical view is read-only");
  }

  delete(): void {
    throw new Error("a historical view is read-only");
  }

  *iterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<Pair> {
    for (const [key] of this.latest.iterator(start, end)) {
      const value = this.lookup(key);
      if (value !== undefined) yield [key, value];
    }
  }

  *reverseIterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<Pair> {
    for (const [key] of this.latest.reverseIterator(start, end)) {
      const value = this.lookup(key);
      if (value !== undefined) yield [key, value];
    }
  }
}

/**
 * Answers `run` against the state of a past version: reruns it with every key it read fetched at
 * that version, until a run reads nothing new. Errors from the final run are the answer's.
 */
export async function answerAt<T>(latest: KVStore, readAt: ReadAt, run: (view: KVStore) => T): Promise<T> {
  const fetched = new Map<string, Uint8Array | null>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const view = new HistoricalView(latest, fetched);
    let result: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      result = { ok: true, value: run(view) };
    } catch (error) {
      result = { ok: false, error };
    }
    if (view.misses.size === 0) {
      if (result.ok) return result.value;
      throw result.error;
    }
    await Promise.all(
      [...view.misses].map(async (id) => {
        fetched.set(id, (await readAt(Buffer.from(id, "latin1"))) ?? null);
      }),
    );
  }
  throw new Error(`a historical query read new keys after ${MAX_PASSES} passes`);
}
