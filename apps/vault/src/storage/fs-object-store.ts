import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { HashMismatchError, ObjectTooLargeError, type ObjectReader, type ObjectStore } from "./object-store.js";

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Objects under `<root>/objects/ab/cd/<sha256>`. An upload streams to a temporary file while it is
 * hashed, is fsynced, and is renamed into place only when the hash matches, so a crash leaves no
 * partial object behind (stale temporaries are removed on start).
 */
export class FsObjectStore implements ObjectStore {
  private constructor(private readonly root: string) {}

  static async open(root: string): Promise<FsObjectStore> {
    await mkdir(path.join(root, "objects"), { recursive: true });
    await rm(path.join(root, "tmp"), { recursive: true, force: true });
    await mkdir(path.join(root, "tmp"), { recursive: true });
    return new FsObjectStore(root);
  }

  private objectPath(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 address: ${sha256}`);
    return path.join(this.root, "objects", sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(expectedSha256: string, body: Readable, maxBytes: number) {
    const target = this.objectPath(expectedSha256);
    const temp = path.join(this.root, "tmp", `${expectedSha256}.${randomBytes(6).toString("hex")}`);
    const hash = createHash("sha256");
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new ObjectTooLargeError(`the object is larger than ${maxBytes} bytes`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(temp, { flags: "wx" }));
      const actual = hash.digest("hex");
      if (actual !== expectedSha256) throw new HashMismatchError(actual);
      const existing = await stat(target).catch(() => undefined);
      if (existing !== undefined) return { sha256: actual, size: existing.size, created: false };
      const handle = await open(temp, "r");
      await handle.sync().finally(() => handle.close());
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temp, target);
      return { sha256: actual, size, created: true };
    } finally {
      await rm(temp, { force: true });
    }
  }

  async get(sha256: string): Promise<ObjectReader | undefined> {
    const file = this.objectPath(sha256);
    const info = await stat(file).catch(() => undefined);
    if (info === undefined) return undefined;
    return { sha256, size: info.size, open: () => createReadStream(file) };
  }
}
