import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  CHAIN_RPC_URL: z.string().url().default("http://127.0.0.1:26657"),
  INDEXER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  INDEXER_METRICS_HOST: z.string().default("127.0.0.1"),
  /** Blocks fetched ahead of the writer during catch-up. */
  INDEXER_PREFETCH: z.coerce.number().int().min(1).max(1000).default(32),
  /** Poll interval when the WebSocket is down. */
  INDEXER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
});

export type IndexerEnv = z.infer<typeof schema>;

/** The only place that reads process.env. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): IndexerEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`indexer: invalid environment: ${problems}`);
  }
  return parsed.data;
}
