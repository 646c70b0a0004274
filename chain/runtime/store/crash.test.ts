import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_HASH } from "./hash.js";
import { type TreeOp, applyOps, nodeHash } from "./smt.js";
import { sha256 } from "./hash.js";
import { StateStore } from "./state-store.js";

interface ClientProof {
  verifyInclusionProof(i: {
    proof: Uint8Array;
    key: Uint8Array;
    value: Uint8Array;
    appHash: Uint8Array;
  }): boolean;
  verifyNonInclusionProof(i: { proof: Uint8Array; key: Uint8Array; appHash: Uint8Array }): boolean;
}
let client: ClientProof;
beforeAll(async () => {
  const path = fileURLToPath(
    new URL("../../../packages/client/src/proof/index.ts", import.meta.url),
  );
  client = (await import(path)) as ClientProof;
});

/** The writes of block `h`: a pure function of h, so the test can replay what the child did. */
function plan(h: number): [string, string | null][] {
  let seed = h * 2654435761;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: [string, string | null][] = [];
  for (let i = 0; i < 400; i++) {
    const key = `k${Math.floor(rand() * 3000)}`;
    out.push([key, rand() < 0.2 ? null : `v${h}.${i}.${"x".repeat(Math.floor(rand() * 60))}`]);
  }
  return out;
}

const storeModule = fileURLToPath(new URL("./state-store.ts", import.meta.url));
const childSource = `
import { StateStore } from ${JSON.stringify(storeModule)};
const plan = ${plan.toString()};
const enc = (s) => Buffer.from(s, "utf8");
const store = await StateStore.open(process.argv[2]);
for (let h = store.lastCommitted().height + 1; ; h++) {
  for (const [k, v] of plan(h)) v === null ? store.delete(enc(k)) : store.set(enc(k), enc(v));
  await store.commit(h, [{ type: "put", key: enc("block/" + h), value: enc("block " + h) }]);
  process.stdout.write(h + "\\n");
}
`;

const root = mkdtempSync(join(tmpdir(), "precision-crash-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the child until it has committed at least once, then SIGKILLs it after a random delay. */
function runAndKill(dir: string, script: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, dir], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let reported = 0;
    let stderr = "";
    let armed = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n"))
        if (line !== "") reported = Math.max(reported, Number(line));
      if (!armed) {
        armed = true;
        setTimeout(() => child.kill("SIGKILL"), 50 + Math.random() * 700);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(reported);
      else reject(new Error(`child exited with ${code}: ${stderr}`));
    });
  });
}

describe("crash safety", () => {
  it("a writer SIGKILLed at random moments never loses or half-writes a committed version", async () => {
    const dir = join(root, "db");
    const script = join(root, "child.mts");
    writeFileSync(script, childSource);
    const enc = (s: string): Uint8Array => Buffer.from(s, "utf8");
    let previous = 0;
    for (let round = 0; round < 6; round++) {
      const reported = await runAndKill(dir, script);
      const store = await StateStore.open(dir); // also rebuilds the tree and checks it against the stored root
      try {
        const { height, rootHash } = store.lastCommitted();
        // Everything the child saw committed is there; at most the one batch in flight at the kill is extra.
        expect(height).toBeGreaterThanOrEqual(Math.max(reported, previous));
        expect(height).toBeLessThanOrEqual(reported + 1);
        expect(height).toBeGreaterThan(previous);
        previous = height;

        const model = new Map<string, string>();
        for (let h = 1; h <= height; h++) {
          for (const [k, v] of plan(h)) {
            if (v === null) model.delete(k);
            else model.set(k, v);
          }
        }
        const stored = new Map(
          [...store.iterator()].map(([k, v]) => [
            Buffer.from(k).toString(),
            Buffer.from(v).toString(),
          ]),
        );
        expect(stored).toEqual(model);
        const ops: TreeOp[] = [...model].map(([k, v]) => ({
          keyHash: sha256(enc(k)),
          key: enc(k),
          value: enc(v),
          valueHash: sha256(enc(v)),
        }));
        expect(Buffer.from(nodeHash(applyOps(null, ops, []))).toString("hex")).toBe(
          Buffer.from(rootHash).toString("hex"),
        );
        expect(rootHash).not.toEqual(EMPTY_HASH);

        for (let h = 1; h <= height; h++) {
          expect(Buffer.from((await store.getRaw(enc(`block/${h}`))) ?? []).toString()).toBe(
            `block ${h}`,
          );
          expect(await store.rootAt(h)).toBeDefined();
        }
        expect(await store.getRaw(enc(`block/${height + 1}`))).toBeUndefined();
        expect(await store.rootAt(height + 1)).toBeUndefined();

        const [someKey, someValue] = [...model][round % model.size]!;
        const p = await store.proveAt(enc(someKey), height);
        expect(
          client.verifyInclusionProof({
            proof: p.proof,
            key: enc(someKey),
            value: enc(someValue),
            appHash: rootHash,
          }),
        ).toBe(true);
        if (height > 1) {
          const older = await store.proveAt(enc("k-never-written"), height - 1);
          expect(
            client.verifyNonInclusionProof({
              proof: older.proof,
              key: enc("k-never-written"),
              appHash: (await store.rootAt(height - 1))!,
            }),
          ).toBe(true);
        }
      } finally {
        await store.close();
      }
    }
  }, 180_000);
});
