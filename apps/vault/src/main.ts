#!/usr/bin/env node
import { readEnv } from "./env.js";
import { startVault } from "./service.js";

const log = (line: string) => console.log(`[vault] ${line}`);

async function main(): Promise<void> {
  const env = readEnv();
  const vault = await startVault(env, log);
  log(`listening at ${vault.url} as operator ${vault.operator}, objects in ${env.VAULT_DATA_DIR}`);
  const stop = () => {
    vault.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(`[vault] ${(err as Error).message}`);
  process.exit(1);
});
