import { describe, expect, it } from "vitest";
import { MemKVStore } from "../store/mem-kv.js";
import { paginate } from "./pagination.js";

const store = new MemKVStore();
for (const k of ["a", "b", "c", "d", "e"]) store.set(Uint8Array.from([9, k.charCodeAt(0)]), Uint8Array.of(1));
store.set(Uint8Array.of(10, 1), Uint8Array.of(1));
const page = (req: object) =>
  paginate(store, Uint8Array.of(9), { key: new Uint8Array(), offset: 0n, limit: 0n, countTotal: false, reverse: false, ...req }, (k) => String.fromCharCode(k[0]!));

describe("paginate", () => {
  it("walks every key under the prefix by next_key, forwards and in reverse", () => {
    for (const reverse of [false, true]) {
      const seen: string[] = [];
      let key: Uint8Array = new Uint8Array();
      do {
        const p = page({ limit: 2n, key, reverse });
        seen.push(...p.items);
        key = p.pagination.nextKey;
      } while (key.length > 0);
      expect(seen).toEqual(reverse ? ["e", "d", "c", "b", "a"] : ["a", "b", "c", "d", "e"]);
    }
  });

  it("supports offset with count_total and refuses key and offset together", () => {
    const p = page({ offset: 3n, limit: 10n, countTotal: true });
    expect(p.items).toEqual(["d", "e"]);
    expect(p.pagination.total).toBe(5n);
    expect(() => page({ offset: 1n, key: Uint8Array.of(0x61) })).toThrow(/either offset or key/);
  });
});
