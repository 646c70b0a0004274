import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ClassicLevel } from "classic-level";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_HASH } from "./hash.js";
import { StateStore } from "./state-store.js";

/** The client's verifier, loaded by path: chain's tsconfig (rootDir ".") cannot include client sources. */
interface ClientProof {
  EMPTY_STATE_ROOT: Uint8Array;
  verifyInclusionProof(i: {
    proof: Uint8Array;
    key: Uint8Array;
    value: Uint8Array;
    appHash: Uint8Array;
  }): boolean;
  verifyNonInclusionProof(i: { proof: Uint8Array; key: Uint8Array; appHash: Uint8Array }): boolean;
  decodeStateProof(p: Uint8Array): { kind: string; siblings: readonly Uint8Array[] };
}
let client: ClientProof;
beforeAll(async () => {
  const path = fileURLToPath(
    new URL("../../../packages/client/src/proof/index.ts", import.meta.url),
  );
  client = (await import(path)) as ClientProof;
});

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "precision-store-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (u: Uint8Array): string => Buffer.from(u).toString("hex");
const unhex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, "hex"));
const b = (s: string): Uint8Array => Buffer.from(s, "latin1");
const sortedModel = (m: Map<string, string>): string[] =>
  [...m].sort(([x], [y]) => Buffer.compare(unhex(x), unhex(y))).map(([k, v]) => `${k}=${v}`);
const dump = (it: Iterable<[Uint8Array, Uint8Array]>): string[] =>
  [...it].map(([k, v]) => `${hex(k)}=${hex(v)}`);

describe("StateStore", () => {
  it("starts empty with a fixed 32-byte root shared with the client", async () => {
    const store = await StateStore.open(tempDir());
    expect(store.lastCommitted()).toEqual({ height: 0, rootHash: EMPTY_HASH });
    expect(EMPTY_HASH.byteLength).toBe(32);
    expect(hex(client.EMPTY_STATE_ROOT)).toBe(hex(EMPTY_HASH));
    expect(hex(store.workingHash())).toBe(hex(EMPTY_HASH));
    await store.close();
  });

  it("matches a Map model over thousands of random ops, commits, rollbacks and a reopen", async () => {
    const rand = seeded(42);
    const dir = tempDir();
    let store = await StateStore.open(dir);
    const model = new Map<string, string>();
    const snapshots = new Map<number, Map<string, string>>();
    const roots = new Map<number, string>();
    const keySpace = Array.from({ length: 1500 }, (_, i) => {
      const len = 1 + Math.floor(rand() * 6);
      const k = Uint8Array.from({ length: len }, () =>
        rand() < 0.1 ? 0xff : rand() < 0.1 ? 0 : Math.floor(rand() * 256),
      );
      k[0] = i % 7; // a few shared first bytes make prefix scans meaningful
      return hex(k);
    });
    for (let height = 1; height <= 12; height++) {
      if (height === 7) {
        await store.close();
        store = await StateStore.open(dir);
        expect(store.lastCommitted().height).toBe(6);
        expect(hex(store.lastCommitted().rootHash)).toBe(roots.get(6));
        expect(dump(store.iterator())).toEqual(sortedModel(model));
      }
      const before = new Map(model);
      const ops = 300 + Math.floor(rand() * 700);
      for (let i = 0; i < ops; i++) {
        const k = keySpace[Math.floor(rand() * keySpace.length)]!;
        if (rand() < 0.3) {
          store.delete(unhex(k));
          model.delete(k);
        } else {
          const v = hex(
            Uint8Array.from({ length: Math.floor(rand() * 40) }, () => Math.floor(rand() * 256)),
          );
          store.set(unhex(k), unhex(v));
          model.set(k, v);
        }
        if (i % 250 === 0) expect(store.workingHash().byteLength).toBe(32);
      }
      expect(dump(store.iterator())).toEqual(sortedModel(model));
      const lo = unhex(keySpace[Math.floor(rand() * keySpace.length)]!);
      const hi = unhex(keySpace[Math.floor(rand() * keySpace.length)]!);
      const inRange = sortedModel(model).filter((e) => {
        const k = unhex(e.split("=")[0]!);
        return Buffer.compare(k, lo) >= 0 && Buffer.compare(k, hi) < 0;
      });
      expect(dump(store.iterator(lo, hi))).toEqual(inRange);
      expect(dump(store.reverseIterator(lo, hi))).toEqual([...inRange].reverse());
      if (height % 4 === 3) {
        // A block that is thrown away: the working state and its root go back to the last commit.
        store.rollbackWorking();
        model.clear();
        for (const [k, v] of before) model.set(k, v);
        expect(dump(store.iterator())).toEqual(sortedModel(model));
        expect(hex(store.workingHash())).toBe(hex(store.lastCommitted().rootHash));
        store.set(unhex(keySpace[0]!), b(`after rollback at ${height}`));
        model.set(keySpace[0]!, hex(b(`after rollback at ${height}`)));
      }
      const working = hex(store.workingHash());
      const info = await store.commit(height, [
        { type: "put", key: b(`block/${height}`), value: b(`B${height}`) },
      ]);
      expect(hex(info.rootHash)).toBe(working);
      roots.set(height, working);
      snapshots.set(height, new Map(model));
    }
    expect(new Set(roots.values()).size).toBe(12);
    await store.close();

    store = await StateStore.open(dir);
    expect(store.lastCommitted().height).toBe(12);
    expect(dump(store.iterator())).toEqual(sortedModel(model));
    for (const [h, root] of roots) expect(hex((await store.rootAt(h))!)).toBe(root);
    expect(await store.rootAt(13)).toBeUndefined();
    for (let i = 0; i < 300; i++) {
      const h = 1 + Math.floor(rand() * 12);
      const k = keySpace[Math.floor(rand() * keySpace.length)]!;
      const got = await store.getAt(unhex(k), h);
      expect(got === undefined ? undefined : hex(got)).toBe(snapshots.get(h)!.get(k));
    }

    // The same final state written in another order into a fresh store gives the same root.
    const other = await StateStore.open(tempDir());
    const shuffled = [...model].sort(() => rand() - 0.5);
    for (const [k] of shuffled) other.set(unhex(k), b("placeholder"));
    for (const k of keySpace.slice(0, 50))
      if (!model.has(k)) other.set(unhex(k), b("to be deleted"));
    await other.commit(1);
    for (const [k, v] of shuffled.reverse()) other.set(unhex(k), unhex(v));
    for (const k of keySpace.slice(0, 50)) if (!model.has(k)) other.delete(unhex(k));
    expect(hex((await other.commit(2)).rootHash)).toBe(roots.get(12));
    await other.close();
    await store.close();
  });

  it("proves existence and absence at old heights, and the client rejects anything tampered", async () => {
    const store = await StateStore.open(tempDir());
    const keys = Array.from({ length: 400 }, (_, i) => b(`acct/${i}`));
    keys.forEach((k, i) => store.set(k, b(`balance ${i}`)));
    await store.commit(1);
    for (let i = 0; i < 400; i += 3) store.set(keys[i]!, b(`balance ${i} at 2`));
    for (let i = 1; i < 400; i += 5) store.delete(keys[i]!);
    await store.commit(2);
    const root1 = (await store.rootAt(1))!;
    const root2 = (await store.rootAt(2))!;
    const kinds = new Set<string>();

    for (let i = 0; i < 400; i += 7) {
      const k = keys[i]!;
      const p1 = await store.proveAt(k, 1);
      expect(Buffer.from(p1.value!).toString()).toBe(`balance ${i}`);
      expect(
        client.verifyInclusionProof({ proof: p1.proof, key: k, value: p1.value!, appHash: root1 }),
      ).toBe(true);
      expect(
        client.verifyInclusionProof({
          proof: p1.proof,
          key: k,
          value: b("forged"),
          appHash: root1,
        }),
      ).toBe(false);
      expect(client.verifyNonInclusionProof({ proof: p1.proof, key: k, appHash: root1 })).toBe(
        false,
      );
      const p2 = await store.proveAt(k, 2);
      if (i % 5 === 1) {
        expect(p2.value).toBeUndefined();
        expect(client.verifyNonInclusionProof({ proof: p2.proof, key: k, appHash: root2 })).toBe(
          true,
        );
        expect(
          client.verifyInclusionProof({
            proof: p1.proof,
            key: k,
            value: p1.value!,
            appHash: root2,
          }),
        ).toBe(false);
      } else {
        expect(
          client.verifyInclusionProof({
            proof: p2.proof,
            key: k,
            value: p2.value!,
            appHash: root2,
          }),
        ).toBe(true);
        if (i % 3 === 0) {
          expect(
            client.verifyInclusionProof({
              proof: p2.proof,
              key: k,
              value: p1.value!,
              appHash: root2,
            }),
          ).toBe(false);
        }
      }
      // Flip every byte position of the proof in turn: no flipped proof verifies.
      for (let at = 0; at < p1.proof.length; at++) {
        const bad = Uint8Array.from(p1.proof);
        bad[at] = (bad[at] ?? 0) ^ 0x01;
        expect(
          client.verifyInclusionProof({ proof: bad, key: k, value: p1.value!, appHash: root1 }),
        ).toBe(false);
      }
      const badRoot = Uint8Array.from(root1);
      badRoot[5] = (badRoot[5] ?? 0) ^ 0x80;
      expect(
        client.verifyInclusionProof({
          proof: p1.proof,
          key: k,
          value: p1.value!,
          appHash: badRoot,
        }),
      ).toBe(false);
      // The proof is for this key only.
      expect(
        client.verifyInclusionProof({
          proof: p1.proof,
          key: keys[(i + 1) % 400]!,
          value: p1.value!,
          appHash: root1,
        }),
      ).toBe(false);
      kinds.add(client.decodeStateProof(p1.proof).kind);
    }

    for (let i = 0; i < 200; i++) {
      const absent = b(`nobody/${i}`);
      const p = await store.proveAt(absent, 2);
      expect(p.value).toBeUndefined();
      kinds.add(client.decodeStateProof(p.proof).kind);
      expect(client.verifyNonInclusionProof({ proof: p.proof, key: absent, appHash: root2 })).toBe(
        true,
      );
      expect(client.verifyNonInclusionProof({ proof: p.proof, key: absent, appHash: root1 })).toBe(
        false,
      );
      expect(
        client.verifyNonInclusionProof({ proof: p.proof, key: keys[0]!, appHash: root2 }),
      ).toBe(false);
      const bad = Uint8Array.from(p.proof);
      bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0x10;
      expect(client.verifyNonInclusionProof({ proof: bad, key: absent, appHash: root2 })).toBe(
        false,
      );
    }
    expect([...kinds].sort()).toEqual(["absent-empty", "absent-leaf", "exists"]);

    // Absence of an existing key cannot be proved with another key's absence proof.
    const present = keys[0]!;
    const forAbsent = await store.proveAt(b("nobody/0"), 2);
    expect(
      client.verifyNonInclusionProof({ proof: forAbsent.proof, key: present, appHash: root2 }),
    ).toBe(false);
    await expect(store.proveAt(present, 3)).rejects.toThrow(/no committed version/);
    await store.close();
  });

  it("proves against the empty tree and a one-key tree", async () => {
    const store = await StateStore.open(tempDir());
    store.set(b("only"), b("1"));
    await store.commit(1);
    store.delete(b("only"));
    await store.commit(2);
    expect(hex((await store.rootAt(2))!)).toBe(hex(EMPTY_HASH));
    const p1 = await store.proveAt(b("only"), 1);
    expect(
      client.verifyInclusionProof({
        proof: p1.proof,
        key: b("only"),
        value: b("1"),
        appHash: (await store.rootAt(1))!,
      }),
    ).toBe(true);
    const p2 = await store.proveAt(b("only"), 2);
    expect(
      client.verifyNonInclusionProof({ proof: p2.proof, key: b("only"), appHash: EMPTY_HASH }),
    ).toBe(true);
    expect(
      client.verifyInclusionProof({
        proof: p2.proof,
        key: b("only"),
        value: b("1"),
        appHash: EMPTY_HASH,
      }),
    ).toBe(false);
    await store.close();
  });

  it("keeps sidecar data in its own namespace and enforces consecutive heights", async () => {
    const dir = tempDir();
    const store = await StateStore.open(dir);
    store.set(b("k"), b("state"));
    await store.commit(5, [
      { type: "put", key: b("k"), value: b("engine") },
      { type: "put", key: b("blocks/5"), value: b("block five") },
      { type: "put", key: b("blocks/6"), value: b("to delete") },
    ]);
    await store.commit(6, [{ type: "del", key: b("blocks/6") }]);
    await expect(store.commit(8)).rejects.toThrow(RangeError);
    await expect(store.commit(6)).rejects.toThrow(RangeError);
    expect(Buffer.from(store.get(b("k"))!).toString()).toBe("state");
    expect(Buffer.from((await store.getRaw(b("k")))!).toString()).toBe("engine");
    expect(await store.getRaw(b("blocks/6"))).toBeUndefined();
    const raw: string[] = [];
    for await (const [k, v] of store.iterateRaw({ gte: b("blocks/"), lt: b("blocks0") }))
      raw.push(`${Buffer.from(k)}=${Buffer.from(v)}`);
    expect(raw).toEqual(["blocks/5=block five"]);
    const all: string[] = [];
    for await (const [k] of store.iterateRaw({ reverse: true }))
      all.push(Buffer.from(k).toString());
    expect(all).toEqual(["k", "blocks/5"]);
    expect([...store.iterator()].length).toBe(1);
    expect(await store.rootAt(4)).toBeUndefined();
    await store.close();
  });

  it("lets the next block execute while a commit is being written", async () => {
    const dir = tempDir();
    const store = await StateStore.open(dir);
    store.set(b("a"), b("1"));
    const root1 = store.workingHash();
    const writing = store.commit(1);
    // Block 2 runs during the write; none of it may leak into version 1.
    store.set(b("a"), b("2"));
    store.set(b("b"), b("2"));
    await expect(store.commit(2)).rejects.toThrow(/in progress/);
    expect(hex((await writing).rootHash)).toBe(hex(root1));
    const root2 = hex((await store.commit(2)).rootHash);
    expect(Buffer.from((await store.getAt(b("a"), 1))!).toString()).toBe("1");
    expect(await store.getAt(b("b"), 1)).toBeUndefined();
    await store.close();
    const reopened = await StateStore.open(dir);
    expect(hex(reopened.lastCommitted().rootHash)).toBe(root2);
    expect(Buffer.from(reopened.get(b("a"))!).toString()).toBe("2");
    await reopened.close();
  });

  it("refuses to open a database whose state does not match its committed root", async () => {
    const dir = tempDir();
    const store = await StateStore.open(dir);
    store.set(b("a"), b("1"));
    store.set(b("b"), b("2"));
    await store.commit(1);
    await store.close();
    const db = new ClassicLevel<Uint8Array, Uint8Array>(dir, {
      keyEncoding: "view",
      valueEncoding: "view",
    });
    await db.put(b("sa"), b("tampered"));
    await db.close();
    await expect(StateStore.open(dir)).rejects.toThrow(/does not match the root of height 1/);
  });
});
