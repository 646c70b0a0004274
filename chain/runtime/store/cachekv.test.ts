import { describe, expect, it } from "vitest";
import { CacheKV } from "./cachekv.js";
import { MemKVStore } from "./mem-kv.js";
import type { KVStore } from "./types.js";

const b = (s: string): Uint8Array => Buffer.from(s, "latin1");
const s = (u: Uint8Array): string => Buffer.from(u).toString("latin1");
const dump = (it: Iterable<[Uint8Array, Uint8Array]>): string[] =>
  [...it].map(([k, v]) => `${s(k)}=${s(v)}`);

function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function base(): MemKVStore {
  const m = new MemKVStore();
  for (const k of ["a", "b", "c", "d"]) m.set(b(k), b(k.toUpperCase()));
  return m;
}

describe("CacheKV", () => {
  it("reads through, shadows parent values and deletes, and leaves the parent alone until write()", () => {
    const parent = base();
    const cache = new CacheKV(parent);
    cache.set(b("b"), b("b2"));
    cache.delete(b("c"));
    cache.set(b("e"), b("E"));
    expect(s(cache.get(b("a"))!)).toBe("A");
    expect(s(cache.get(b("b"))!)).toBe("b2");
    expect(cache.get(b("c"))).toBeUndefined();
    expect(cache.has(b("c"))).toBe(false);
    expect(cache.has(b("e"))).toBe(true);
    expect(dump(cache.iterator())).toEqual(["a=A", "b=b2", "d=D", "e=E"]);
    expect(dump(cache.reverseIterator())).toEqual(["e=E", "d=D", "b=b2", "a=A"]);
    expect(dump(parent.iterator())).toEqual(["a=A", "b=B", "c=C", "d=D"]);
    cache.write();
    expect(dump(parent.iterator())).toEqual(["a=A", "b=b2", "d=D", "e=E"]);
    expect(cache.pendingWrites).toBe(0);
  });

  it("dropping a branch discards it; nested branches write into their parent branch only", () => {
    const parent = base();
    const block = new CacheKV(parent);
    const tx1 = block.branch();
    tx1.set(b("x"), b("1"));
    tx1.delete(b("a"));
    const inner = tx1.branch();
    inner.set(b("y"), b("2"));
    inner.delete(b("x"));
    expect(dump(inner.iterator())).toEqual(["b=B", "c=C", "d=D", "y=2"]);
    inner.write();
    expect(dump(tx1.iterator())).toEqual(["b=B", "c=C", "d=D", "y=2"]);
    expect(dump(block.iterator())).toEqual(["a=A", "b=B", "c=C", "d=D"]);
    const tx2 = block.branch();
    tx2.set(b("z"), b("3"));
    // tx2 is abandoned (a failed tx): nothing of it reaches the block.
    tx1.write();
    expect(dump(block.iterator())).toEqual(["b=B", "c=C", "d=D", "y=2"]);
    expect(parent.get(b("y"))).toBeUndefined();
    block.write();
    expect(dump(parent.iterator())).toEqual(["b=B", "c=C", "d=D", "y=2"]);
  });

  it("a delete followed by a set of the same key is a set; a set then delete is a delete", () => {
    const parent = base();
    const cache = new CacheKV(parent);
    cache.delete(b("a"));
    cache.set(b("a"), b("again"));
    cache.set(b("new"), b("N"));
    cache.delete(b("new"));
    cache.write();
    expect(dump(parent.iterator())).toEqual(["a=again", "b=B", "c=C", "d=D"]);
  });

  it("bounded iteration is half-open in both directions", () => {
    const cache = new CacheKV(base());
    cache.set(b("bb"), b("x"));
    cache.delete(b("d"));
    expect(dump(cache.iterator(b("b"), b("d")))).toEqual(["b=B", "bb=x", "c=C"]);
    expect(dump(cache.reverseIterator(b("b"), b("d")))).toEqual(["c=C", "bb=x", "b=B"]);
    expect(dump(cache.iterator(b("bb")))).toEqual(["bb=x", "c=C"]);
    expect(dump(cache.reverseIterator(undefined, b("bb")))).toEqual(["b=B", "a=A"]);
  });

  it("iterators see the state of their creation even when the store is written meanwhile", () => {
    const cache = new CacheKV(base());
    const seen: string[] = [];
    for (const [k] of cache.iterator()) {
      seen.push(s(k));
      cache.delete(k);
      cache.set(b(`${s(k)}z`), b("new"));
    }
    expect(seen).toEqual(["a", "b", "c", "d"]);
    expect(dump(cache.iterator())).toEqual(["az=new", "bz=new", "cz=new", "dz=new"]);
  });

  it("matches a plain Map model under random nested writes, flushes and discards", () => {
    const rand = seeded(7);
    const root = new MemKVStore();
    const model = new Map<string, string>();
    const key = (): string =>
      String.fromCharCode(
        ...Array.from({ length: 1 + Math.floor(rand() * 3) }, () => 97 + Math.floor(rand() * 6)),
      );
    for (let round = 0; round < 200; round++) {
      const layers: { store: KVStore & { write(): void }; model: Map<string, string | null> }[] =
        [];
      let top: KVStore = root;
      const depth = 1 + Math.floor(rand() * 3);
      for (let d = 0; d < depth; d++) {
        const c = new CacheKV(top);
        layers.push({ store: c, model: new Map() });
        top = c;
      }
      const view = (): Map<string, string> => {
        const m = new Map(model);
        for (const l of layers)
          for (const [k, v] of l.model) {
            if (v === null) m.delete(k);
            else m.set(k, v);
          }
        return m;
      };
      for (let i = 0; i < 20; i++) {
        const k = key();
        const l = layers[layers.length - 1]!;
        if (rand() < 0.3) {
          l.store.delete(b(k));
          l.model.set(k, null);
        } else {
          const v = `v${round}.${i}`;
          l.store.set(b(k), b(v));
          l.model.set(k, v);
        }
      }
      const expected = [...view()]
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
        .map(([k, v]) => `${k}=${v}`);
      expect(dump(top.iterator())).toEqual(expected);
      expect(dump(top.reverseIterator())).toEqual([...expected].reverse());
      const lo = key();
      const hi = key();
      expect(dump(top.iterator(b(lo), b(hi)))).toEqual(
        expected.filter((e) => {
          const k = e.split("=")[0]!;
          return k >= lo && k < hi;
        }),
      );
      // Flush from the top down, or abandon the whole stack.
      if (rand() < 0.7) {
        for (let d = layers.length - 1; d >= 0; d--) {
          layers[d]!.store.write();
          const into = d === 0 ? null : layers[d - 1]!.model;
          for (const [k, v] of layers[d]!.model) {
            if (into !== null) into.set(k, v);
            else if (v === null) model.delete(k);
            else model.set(k, v);
          }
        }
      }
      expect(dump(root.iterator())).toEqual(
        [...model].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => `${k}=${v}`),
      );
    }
  });
});
