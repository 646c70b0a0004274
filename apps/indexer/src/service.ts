import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRegistry } from "@precision/client";
import { createPrismaClient } from "@precision/db";
import { CometRpc } from "./core/comet-rpc.js";
import { BlockFollower } from "./core/follower.js";
import { Indexer } from "./core/indexer.js";
import { IndexerMetrics } from "./core/metrics.js";
import type { IndexerEnv } from "./env.js";
import { projections } from "./projections/index.js";

export interface IndexerService {
  readonly metricsUrl: string;
  readonly metrics: IndexerMetrics;
  /** Settles only when the indexer gives up (another chain in the database) or is stopped. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** The indexer loop plus its HTTP endpoint (`/metrics`, `/healthz`). */
export async function startIndexerService(env: IndexerEnv, log: (line: string) => void = console.log): Promise<IndexerService> {
  const prisma = createPrismaClient(env.DATABASE_URL);
  const rpc = new CometRpc(env.CHAIN_RPC_URL);
  const metrics = new IndexerMetrics();
  const follower = new BlockFollower(`${env.CHAIN_RPC_URL.replace(/^http/, "ws").replace(/\/$/, "")}/websocket`, metrics, log);
  const indexer = new Indexer({
    prisma,
    rpc,
    registry: createRegistry(),
    projections,
    metrics,
    follower,
    prefetch: env.INDEXER_PREFETCH,
    pollMs: env.INDEXER_POLL_MS,
    log,
  });
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
    } else if (path === "/metrics") {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" }).end(metrics.render());
    } else if (path === "/healthz") {
      const body = JSON.stringify({
        indexedHeight: metrics.indexedHeight.toString(),
        nodeHeight: metrics.nodeHeight.toString(),
        lag: metrics.lag.toString(),
        websocket: metrics.websocketConnected,
      });
      // Healthy while within a few blocks of the node; a stalled indexer answers 503.
      res.writeHead(metrics.lag <= 5n ? 200 : 503, { "content-type": "application/json" }).end(body);
    } else {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NOT_FOUND", message: `no route ${path}` } }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.INDEXER_METRICS_PORT, env.INDEXER_METRICS_HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  follower.start();
  const abort = new AbortController();
  const running = indexer.run(abort.signal);
  log(`indexing ${env.CHAIN_RPC_URL} into Postgres; metrics on http://${env.INDEXER_METRICS_HOST}:${port}/metrics`);
  return {
    metricsUrl: `http://${env.INDEXER_METRICS_HOST}:${port}/metrics`,
    metrics,
    done: running,
    async stop() {
      abort.abort();
      follower.close();
      await running.catch(() => undefined);
      await new Promise<void>((r) => server.close(() => r()));
      await prisma.$disconnect();
    },
  };
}
