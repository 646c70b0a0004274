import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { FsObjectStore } from "./fs-object-store.js";
import { HashMismatchError, ObjectTooLargeError } from "./object-store.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(path.join(tmpdir(), "vault-store-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

describe("FsObjectStore", () => {
  it("stores by content address and reads back the same bytes", async () => {
    const store = await FsObjectStore.open(dir());
    const bytes = Buffer.from("sealed record");
    expect(await store.put(sha(bytes), Readable.from([bytes]), 1024)).toEqual({ sha256: sha(bytes), size: bytes.length, created: true });
    expect(await store.put(sha(bytes), Readable.from([bytes]), 1024)).toMatchObject({ created: false });
    const object = (await store.get(sha(bytes)))!;
    expect(object.size).toBe(bytes.length);
    expect(await readAll(object.open())).toEqual(bytes);
    expect(await store.get(sha(Buffer.from("other")))).toBeUndefined();
  });

  it("keeps nothing of a body that does not match its hash or is too large", async () => {
    const root = dir();
    const store = await FsObjectStore.open(root);
    const bytes = Buffer.from("0123456789");
    await expect(store.put(sha(Buffer.from("x")), Readable.from([bytes]), 1024)).rejects.toBeInstanceOf(HashMismatchError);
    await expect(store.put(sha(bytes), Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]), 6)).rejects.toBeInstanceOf(ObjectTooLargeError);
    expect(await store.get(sha(bytes))).toBeUndefined();
    expect(readdirSync(path.join(root, "tmp"))).toEqual([]);
  });

  it("clears temporaries a crash left behind when it opens", async () => {
    const root = dir();
    await FsObjectStore.open(root);
    writeFileSync(path.join(root, "tmp", "half-written"), "partial");
    await FsObjectStore.open(root);
    expect(readdirSync(path.join(root, "tmp"))).toEqual([]);
  });
});
