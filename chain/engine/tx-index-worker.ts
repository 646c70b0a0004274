// The tx index's own thread and database. It decodes each committed block's results, builds the
// index rows and writes them, so none of that runs on the thread that executes blocks. The rows
// are rebuilt from the block store after a crash, so they are written without fsync.
import { parentPort, workerData } from "node:worker_threads";
import { ClassicLevel } from "classic-level";
import "../runtime/codec/cosmjs-types-codec.js";
import { txResultsOf, txsOf } from "./block-store.js";
import { readU64be, u64be } from "./encoding.js";
import type { Query } from "./query.js";
import type { RangeOptions, RawReader } from "./raw-store.js";
import { INDEXED_HEIGHT_KEY, indexBlockEventRows, indexBlockRows, TxIndex } from "./tx-index.js";
import type { IndexerReply, IndexerRequest, IndexerValue } from "./tx-indexer.js";

const db = new ClassicLevel<Uint8Array, Uint8Array>(workerData.path as string, { keyEncoding: "view", valueEncoding: "view" });

const reader: RawReader = {
  get: (key) => db.get(key),
  async *range(opts: RangeOptions) {
    const it = db.iterator({ gte: opts.gte, lt: opts.lt, reverse: opts.reverse ?? false, limit: opts.limit ?? -1 });
    try {
      for await (const pair of it) yield pair;
    } finally {
      await it.close();
    }
  },
};
const index = new TxIndex(reader);
type Batch = ReturnType<typeof db.batch>;
/**
 * The rows of the one block handed over and not yet committed, already inside a database batch:
 * a put copies its bytes into the native batch, so a block's rows do not stay on this thread's
 * heap until the commit (held as objects, they made this thread's collector copy and promote
 * them block after block).
 */
let prepared: { height: bigint; batch: Batch } | undefined;

function prepareBatch(height: bigint, blockBytes: Uint8Array, resultsBytes: Uint8Array): Batch {
  const txs = txsOf(blockBytes);
  const encoded = txResultsOf(resultsBytes);
  const batch = db.batch();
  const put = (key: Uint8Array, value: Uint8Array): void => void batch.put(key, value);
  try {
    indexBlockRows(height, txs, encoded, put);
    indexBlockEventRows(height, resultsBytes, put);
    batch.put(INDEXED_HEIGHT_KEY, u64be(height));
  } catch (err) {
    void batch.close();
    throw err;
  }
  return batch;
}

async function discardPrepared(): Promise<void> {
  const batch = prepared?.batch;
  prepared = undefined;
  await batch?.close();
}

async function handle(req: IndexerRequest): Promise<IndexerValue> {
  switch (req.kind) {
    case "open": {
      await db.open();
      const v = await db.get(INDEXED_HEIGHT_KEY);
      return v === undefined ? 0n : readU64be(v);
    }
    case "prepare":
      await discardPrepared();
      prepared = { height: req.height, batch: prepareBatch(req.height, req.blockBytes, req.resultsBytes) };
      return null;
    case "commit": {
      if (prepared?.height !== req.height) throw new Error(`block ${req.height} was not prepared for indexing`);
      const { batch } = prepared;
      prepared = undefined;
      await batch.write();
      return null;
    }
    case "reset":
      await discardPrepared();
      await db.clear();
      return null;
    case "getByHash": {
      const r = await index.getByHashRaw(req.hash);
      return r ?? null;
    }
    case "search":
      return index.searchRaw(req.query as Query, req.page, req.perPage, req.desc);
    case "searchBlocks":
      return index.searchBlocks(req.query as Query, req.base, req.top, req.page, req.perPage, req.desc);
    case "close":
      await discardPrepared();
      await db.close();
      return null;
  }
}

// Requests are handled one at a time, in order: a commit never overtakes the prepare before it.
let queue: Promise<void> = Promise.resolve();
parentPort!.on("message", (req: IndexerRequest) => {
  queue = queue.then(async () => {
    let reply: IndexerReply;
    try {
      reply = { id: req.id, ok: true, value: await handle(req) };
    } catch (err) {
      reply = { id: req.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    parentPort!.postMessage(reply);
  });
});
