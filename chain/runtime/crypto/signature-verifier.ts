import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { COMPRESSED_PUBKEY_LENGTH, SIGNATURE_LENGTH, verifySecp256k1Digest } from "./secp256k1-verify.js";

export interface VerifyRequest {
  /** sha256 of the sign bytes. */
  readonly digest: Uint8Array;
  /** 33-byte compressed secp256k1 key. */
  readonly pubkey: Uint8Array;
  /** 64-byte r‖s signature. */
  readonly signature: Uint8Array;
}

/**
 * Verifies secp256k1 signatures, possibly off the main thread. The answer for a request never
 * depends on timing or on which thread computed it, so CheckTx may use any implementation while
 * FinalizeBlock stays deterministic.
 */
export interface SignatureVerifier {
  verifyBatch(requests: readonly VerifyRequest[]): Promise<boolean[]>;
  close(): Promise<void>;
}

/** Verifies on the calling thread. */
export class InlineSignatureVerifier implements SignatureVerifier {
  async verifyBatch(requests: readonly VerifyRequest[]): Promise<boolean[]> {
    return requests.map((r) => verifySecp256k1Digest(r.pubkey, r.digest, r.signature));
  }

  async close(): Promise<void> {}
}

const ITEM_SIZE = 32 + COMPRESSED_PUBKEY_LENGTH + SIGNATURE_LENGTH;

/** Signers' keys the worker keeps in uncompressed form; beyond this the oldest is dropped. */
const UNCOMPRESSED_KEY_CACHE_SIZE = 16_384;

/**
 * The worker re-implements nothing cryptographic: it loads the same native addon (or @noble/curves)
 * and applies the same length and high-S rules as verifySecp256k1Digest.
 *
 * With libsecp256k1 it hands the addon each signer's key uncompressed, converted once per key:
 * parsing a compressed key takes a field square root on every verification, ~10 % of its cost
 * (the same point either way, so the same answer; a key that does not parse still fails).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const HALF = Buffer.from("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", "hex");
let verify;
const ready = (async () => {
  try {
    const native = require(workerData.nativePath);
    const uncompressed = new Map();
    const expand = (pub) => {
      const id = Buffer.from(pub.buffer, pub.byteOffset, pub.length).toString("latin1");
      let full = uncompressed.get(id);
      if (full === undefined) {
        full = native.publicKeyConvert(pub, false);
        if (uncompressed.size >= ${UNCOMPRESSED_KEY_CACHE_SIZE}) uncompressed.delete(uncompressed.keys().next().value);
        uncompressed.set(id, full);
      }
      return full;
    };
    verify = (sig, msg, pub) => native.ecdsaVerify(sig, msg, expand(pub));
  } catch {
    const { secp256k1 } = await import(workerData.noblePath);
    verify = (sig, msg, pub) => secp256k1.verify(sig, msg, pub, { prehash: false, lowS: true });
  }
})();
parentPort.on("message", async (message) => {
  await ready;
  if (message === "close") {
    // Every batch sent before this has been answered: with the port closed the thread ends.
    parentPort.close();
    return;
  }
  const { id, buffer, count } = message;
  const bytes = new Uint8Array(buffer);
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const at = i * ${ITEM_SIZE};
    const digest = bytes.subarray(at, at + 32);
    const pub = bytes.subarray(at + 32, at + 65);
    const sig = bytes.subarray(at + 65, at + 129);
    if (Buffer.compare(Buffer.from(sig.buffer, sig.byteOffset + 32, 32), HALF) > 0) continue;
    try { out[i] = verify(sig, digest, pub) ? 1 : 0; } catch { out[i] = 0; }
  }
  parentPort.postMessage({ id, result: out }, [out.buffer]);
});
`;

interface Pending {
  readonly request: VerifyRequest;
  resolve(ok: boolean): void;
}

interface PoolWorker {
  readonly worker: Worker;
  inFlight: number;
  exited: boolean;
}

export interface WorkerPoolOptions {
  /** Worker threads; defaults to the machine's parallelism minus one for the main thread, at least 1. */
  readonly threads?: number;
  /** Requests sent to a worker in one message. */
  readonly maxBatch?: number;
}

/**
 * A pool of worker threads verifying signatures in batches. Requests made in the same turn of
 * the event loop are coalesced and shipped as one transferable buffer per worker, so the cost of
 * a message is shared by many verifications.
 */
export class WorkerPoolSignatureVerifier implements SignatureVerifier {
  private readonly workers: PoolWorker[] = [];
  private readonly callbacks = new Map<number, (result: Uint8Array) => void>();
  private queue: Pending[] = [];
  private flushScheduled = false;
  private nextId = 1;
  private closed = false;
  private readonly maxBatch: number;

  constructor(options: WorkerPoolOptions = {}) {
    const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
    this.maxBatch = options.maxBatch ?? 256;
    const require = createRequire(import.meta.url);
    const workerData = {
      nativePath: require.resolve("secp256k1/bindings.js"),
      noblePath: require.resolve("@noble/curves/secp256k1.js"),
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
      worker.unref();
      worker.on("message", ({ id, result }: { id: number; result: Uint8Array }) => {
        const cb = this.callbacks.get(id);
        this.callbacks.delete(id);
        cb?.(result);
      });
      const entry: PoolWorker = { worker, inFlight: 0, exited: false };
      worker.once("exit", () => (entry.exited = true));
      this.workers.push(entry);
    }
  }

  verifyBatch(requests: readonly VerifyRequest[]): Promise<boolean[]> {
    if (this.closed) return Promise.reject(new Error("signature verifier is closed"));
    return Promise.all(
      requests.map(
        (request) =>
          new Promise<boolean>((resolve) => {
            // Malformed inputs never reach a worker: they fail the same way inline.
            if (request.pubkey.length !== COMPRESSED_PUBKEY_LENGTH || request.signature.length !== SIGNATURE_LENGTH || request.digest.length !== 32) {
              resolve(false);
              return;
            }
            this.queue.push({ request, resolve });
            this.scheduleFlush();
          }),
      ),
    );
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      const target = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      const buffer = new Uint8Array(batch.length * ITEM_SIZE);
      batch.forEach(({ request }, i) => {
        const at = i * ITEM_SIZE;
        buffer.set(request.digest, at);
        buffer.set(request.pubkey, at + 32);
        buffer.set(request.signature, at + 65);
      });
      const id = this.nextId++;
      target.inFlight++;
      if (target.inFlight === 1) target.worker.ref();
      this.callbacks.set(id, (result) => {
        target.inFlight--;
        if (target.inFlight === 0) target.worker.unref();
        batch.forEach((p, i) => p.resolve(result[i] === 1));
      });
      target.worker.postMessage({ id, buffer: buffer.buffer, count: batch.length }, [buffer.buffer]);
    }
  }

  /**
   * Answers what is still queued with false, lets each worker answer the batches it was sent, and
   * waits for the threads to end. Workers are asked to stop rather than terminated: terminating
   * one while it loads or runs the native addon aborts the whole process (node-addon-api throws a
   * C++ exception that nothing can catch once the thread's environment is torn down).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.queue) p.resolve(false);
    this.queue = [];
    await Promise.all(this.workers.map(stopWorker));
    for (const cb of this.callbacks.values()) cb(new Uint8Array(this.maxBatch));
    this.callbacks.clear();
  }
}

/** How long a worker may take to answer its last batches before it is terminated after all. */
const WORKER_STOP_TIMEOUT_MS = 10_000;

function stopWorker({ worker, exited }: PoolWorker): Promise<void> {
  if (exited) return Promise.resolve();
  return new Promise<void>((resolve) => {
    // Referenced again, so that the process waits for the thread to end.
    worker.ref();
    const timer = setTimeout(() => void worker.terminate().then(() => resolve()), WORKER_STOP_TIMEOUT_MS);
    worker.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    worker.postMessage("close");
  });
}
