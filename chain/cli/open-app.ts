// Opens a home's state store and builds the application over it, exactly as every command that
// executes or reads state needs it.
import { createPrecisionApp, type PrecisionApp } from "../app/app.js";
import type { Logger } from "../app/logger.js";
import type { SignatureVerifier } from "../runtime/crypto/signature-verifier.js";
import { StateStore } from "../runtime/store/index.js";
import type { RawReader } from "../engine/raw-store.js";
import { readGenesis, type GenesisDoc } from "../engine/genesis.js";
import { CliError } from "./errors.js";
import { requireInitialized, type HomePaths } from "./home.js";

export interface OpenedApp {
  readonly genesis: GenesisDoc;
  readonly store: StateStore;
  readonly app: PrecisionApp;
  readonly raw: RawReader;
  close(): Promise<void>;
}

export async function openApp(
  paths: HomePaths,
  options: { minGasPrices?: string; logger?: Logger; verifier?: SignatureVerifier } = {},
): Promise<OpenedApp> {
  requireInitialized(paths);
  let genesis: GenesisDoc;
  try {
    genesis = readGenesis(paths.genesis);
  } catch (err) {
    throw new CliError(`${paths.genesis}: ${(err as Error).message}`);
  }
  let store: StateStore;
  try {
    store = await StateStore.open(paths.data);
  } catch (err) {
    const message = (err as Error).message;
    if (/lock/i.test(message))
      throw new CliError(`${paths.data} is in use by another precisiond process`);
    throw new CliError(`cannot open the state store in ${paths.data}: ${message}`);
  }
  const app = createPrecisionApp({
    store,
    chainId: genesis.chain_id,
    ...(options.minGasPrices !== undefined ? { minGasPrices: options.minGasPrices } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.verifier ? { verifier: options.verifier } : {}),
  });
  const raw: RawReader = {
    get: (key) => store.getRaw(key),
    range: (opts) => store.iterateRaw(opts),
  };
  return {
    genesis,
    store,
    app,
    raw,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
