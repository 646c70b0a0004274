import { WorkerPoolSignatureVerifier } from "../runtime/crypto/signature-verifier.js";
import { EmbeddedNode } from "../engine/node.js";
import { TxIndexer } from "../engine/tx-indexer.js";
import { defaultRpcOptions, RpcServer } from "../engine/rpc/server.js";
import { loadKeyFile } from "../engine/validator-key.js";
import { parseCommand, parseDuration, parseListenAddress, requireFlag } from "./args.js";
import { CliError, UsageError } from "./errors.js";
import { homePaths } from "./home.js";
import { consoleLogger } from "./logger.js";
import { openApp } from "./open-app.js";
import { startAbciServer } from "../engine/abci-server/index.js";
import type { Logger } from "../app/logger.js";
import type { HomePaths } from "./home.js";

/** `--with-comet=false`: serve the app to CometBFT 0.38 over ABCI 2.0 instead of producing blocks. */
async function serveAbci(
  paths: HomePaths,
  address: string,
  minGasPrices: string,
  logger: Logger,
): Promise<number> {
  const verifier = new WorkerPoolSignatureVerifier({ threads: 1 });
  const opened = await openApp(paths, { minGasPrices, logger, verifier });
  let server;
  try {
    server = await startAbciServer({ app: opened.app, address, log: (line) => logger.info(line) });
  } catch (err) {
    await opened.close();
    await verifier.close();
    throw new CliError((err as Error).message);
  }
  const signal = await new Promise<string>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
  });
  logger.info(`shutting down (${signal})`);
  await server.close();
  await opened.close();
  await verifier.close();
  return 0;
}

const USAGE =
  "precisiond start --home DIR [--rpc.laddr tcp://127.0.0.1:26657] [--block-time 1s] [--min-gas-prices 0uusd] [--rpc.cors-allowed-origins '*'] [--moniker NAME] [--verbose] [--with-comet=false --address tcp://127.0.0.1:26658]";
const GAS_PRICES =
  /^(\d+(\.\d+)?[a-zA-Z][a-zA-Z0-9/:._-]{2,127})(,\d+(\.\d+)?[a-zA-Z][a-zA-Z0-9/:._-]{2,127})*$/;

/** Runs the embedded single-validator node until SIGTERM/SIGINT; resolves with the exit code. */
export async function startCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseCommand(
    argv,
    {
      home: { type: "string" },
      "rpc.laddr": { type: "string", default: "tcp://127.0.0.1:26657" },
      "block-time": { type: "string", default: "1s" },
      "min-gas-prices": { type: "string", default: "0uusd" },
      "rpc.cors-allowed-origins": { type: "string", default: "*" },
      moniker: { type: "string", default: "precision-node" },
      verbose: { type: "boolean", default: false },
      "with-comet": { type: "string", default: "true" },
      address: { type: "string", default: "tcp://127.0.0.1:26658" },
    },
    [],
    USAGE,
  );
  const paths = homePaths(requireFlag(values.home, "--home", USAGE));
  const laddr = parseListenAddress(values["rpc.laddr"], "--rpc.laddr");
  const blockTimeMs = parseDuration(values["block-time"], "--block-time");
  const minGasPrices = values["min-gas-prices"];
  if (!GAS_PRICES.test(minGasPrices))
    throw new UsageError(
      `--min-gas-prices must look like 0uusd or 0.025uusd, got ${JSON.stringify(minGasPrices)}`,
    );
  const cors = values["rpc.cors-allowed-origins"]
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);

  const withComet = values["with-comet"];
  if (withComet !== "true" && withComet !== "false")
    throw new UsageError(`--with-comet must be true or false, got ${JSON.stringify(withComet)}`);
  const logger = consoleLogger(values.verbose);
  if (withComet === "false") return serveAbci(paths, values.address, minGasPrices, logger);
  const verifier = new WorkerPoolSignatureVerifier({ threads: 1 });
  const opened = await openApp(paths, { minGasPrices, logger, verifier });
  const log = (line: string) => logger.info(line);
  let txIndex: TxIndexer;
  try {
    txIndex = await TxIndexer.open(paths.txIndex);
  } catch (err) {
    await opened.close();
    await verifier.close();
    throw new CliError((err as Error).message);
  }
  let node: EmbeddedNode;
  try {
    node = new EmbeddedNode({
      app: opened.app,
      db: opened.raw,
      txIndex,
      genesis: opened.genesis,
      validatorKey: loadKeyFile(paths.validatorKey),
      nodeKey: loadKeyFile(paths.nodeKey),
      moniker: values.moniker,
      blockTimeMs,
      log,
    });
  } catch (err) {
    await txIndex.close();
    await opened.close();
    await verifier.close();
    throw new CliError((err as Error).message);
  }

  let resolveExit!: (code: number) => void;
  const exit = new Promise<number>((r) => (resolveExit = r));
  let rpc: RpcServer | undefined;
  let stopping = false;
  const shutdown = async (code: number, reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`shutting down (${reason})`);
    await rpc?.close().catch(() => {});
    await node
      .stop()
      .catch((e: unknown) =>
        logger.error("stopping the block producer failed", { error: String(e) }),
      );
    await txIndex.close().catch((e: unknown) => logger.error("closing the tx index failed", { error: String(e) }));
    await opened
      .close()
      .catch((e: unknown) => logger.error("closing the store failed", { error: String(e) }));
    await verifier.close().catch(() => {});
    resolveExit(code);
  };
  process.once("SIGTERM", () => void shutdown(0, "SIGTERM"));
  process.once("SIGINT", () => void shutdown(0, "SIGINT"));

  try {
    await node.start((err) => void shutdown(1, `fatal: ${(err as Error)?.message ?? String(err)}`));
    rpc = new RpcServer(node, { ...defaultRpcOptions, laddr, corsAllowedOrigins: cors, log });
    const address = await rpc.listen();
    log(
      `rpc listening on tcp://${address.address}:${address.port} chain_id=${opened.genesis.chain_id} block_time=${blockTimeMs}ms`,
    );
  } catch (err) {
    await shutdown(1, "start failed");
    throw new CliError((err as Error).message);
  }
  return exit;
}
