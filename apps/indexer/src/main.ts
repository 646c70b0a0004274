#!/usr/bin/env node
import { createPrismaClient } from "@precision/db";
import { resetIndexedState } from "./core/writer.js";
import { readEnv } from "./env.js";
import { startIndexerService } from "./service.js";

const log = (line: string) => console.log(`${new Date().toISOString()} indexer: ${line}`);

if (process.argv[2] === "reset") {
  // `precision-indexer reset`: empties the indexed tables, for a database that must follow a new chain.
  const prisma = createPrismaClient(readEnv().DATABASE_URL);
  await resetIndexedState(prisma).finally(() => prisma.$disconnect());
  log("indexed tables emptied");
  process.exit(0);
} else if (process.argv[2] !== undefined) {
  console.error(`indexer: unknown command "${process.argv[2]}"; usage: precision-indexer [reset]`);
  process.exit(2);
}

try {
  const service = await startIndexerService(readEnv(), log);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing the block in progress and stopping`);
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log(`stop failed: ${String(err)}`);
        process.exit(1);
      },
    );
  };
  service.done.catch((err: unknown) => {
    log(`fatal: ${(err as Error).message}`);
    process.exit(1);
  });
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
} catch (err) {
  console.error(`indexer: ${(err as Error).message}`);
  process.exit(1);
}
