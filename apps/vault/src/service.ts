import type { Server } from "node:http";
import { AccessLogger } from "./ledger/access-logger.js";
import { connectChainGate } from "./ledger/chain-gate.js";
import type { VaultEnv } from "./env.js";
import { createVaultServer } from "./http/server.js";
import { FsObjectStore } from "./storage/fs-object-store.js";

export interface RunningVault {
  readonly url: string;
  readonly operator: string;
  stop(): Promise<void>;
}

/** Opens storage, connects to the chain and listens. */
export async function startVault(env: VaultEnv, log: (line: string) => void = () => undefined): Promise<RunningVault> {
  const store = await FsObjectStore.open(env.VAULT_DATA_DIR);
  const chain = await connectChainGate(env.CHAIN_RPC_URL);
  const logger = await AccessLogger.connect(env.CHAIN_RPC_URL, env.VAULT_OPERATOR_MNEMONIC, env.VAULT_GAS_PRICE);
  const server: Server = createVaultServer({
    store,
    chain,
    logger,
    maxObjectBytes: env.VAULT_MAX_OBJECT_BYTES,
    signatureWindowSeconds: env.VAULT_SIGNATURE_WINDOW_SECONDS,
    corsOrigins: env.VAULT_CORS_ORIGINS,
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.VAULT_PORT, env.VAULT_HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.VAULT_PORT;
  return {
    url: `http://${env.VAULT_HOST}:${port}`,
    operator: logger.operator,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      logger.close();
      chain.close();
    },
  };
}
