import type { OfflineSigner } from "@cosmjs/proto-signing";
import type {
  AuthExtension,
  BankExtension,
  HttpEndpoint,
  SigningStargateClientOptions,
  TxExtension,
} from "@cosmjs/stargate";
import {
  GasPrice,
  QueryClient,
  setupAuthExtension,
  setupBankExtension,
  setupTxExtension,
  SigningStargateClient,
  StargateClient,
} from "@cosmjs/stargate";
import type { CometClient } from "@cosmjs/tendermint-rpc";
import { connectComet } from "@cosmjs/tendermint-rpc";
import {
  PRECISION_BROADCAST_POLL_INTERVAL_MS,
  PRECISION_BROADCAST_TIMEOUT_MS,
  PRECISION_DEFAULT_GAS_PRICE,
} from "./constants.js";
import type { AccessExtension, AlertsExtension, IdentityExtension, RecordsExtension } from "./modules/index.js";
import { setupAccessExtension, setupAlertsExtension, setupIdentityExtension, setupRecordsExtension } from "./modules/index.js";
import { createRegistry } from "./registry.js";

export type PrecisionQueryClient = QueryClient &
  AuthExtension &
  BankExtension &
  TxExtension &
  IdentityExtension &
  RecordsExtension &
  AccessExtension &
  AlertsExtension;

export function createPrecisionQueryClient(cometClient: CometClient): PrecisionQueryClient {
  return QueryClient.withExtensions(
    cometClient,
    setupAuthExtension,
    setupBankExtension,
    setupTxExtension,
    setupIdentityExtension,
    setupRecordsExtension,
    setupAccessExtension,
    setupAlertsExtension,
  );
}

/** One RPC connection shared by the Stargate client and the module query client. */
export interface PrecisionConnection<Client extends StargateClient = StargateClient> {
  readonly client: Client;
  readonly query: PrecisionQueryClient;
  readonly disconnect: () => void;
}

export interface PrecisionSigningOptions {
  /** A GasPrice or a string such as "0.025uusd"; at least the node's minimum gas price. */
  readonly gasPrice?: GasPrice | string;
  readonly broadcastPollIntervalMs?: number;
  readonly broadcastTimeoutMs?: number;
}

export function precisionSigningClientOptions(
  options: PrecisionSigningOptions = {},
): SigningStargateClientOptions {
  const gasPrice = options.gasPrice ?? PRECISION_DEFAULT_GAS_PRICE;
  return {
    registry: createRegistry(),
    gasPrice: typeof gasPrice === "string" ? GasPrice.fromString(gasPrice) : gasPrice,
    broadcastPollIntervalMs:
      options.broadcastPollIntervalMs ?? PRECISION_BROADCAST_POLL_INTERVAL_MS,
    broadcastTimeoutMs: options.broadcastTimeoutMs ?? PRECISION_BROADCAST_TIMEOUT_MS,
  };
}

export async function connectPrecisionClient(
  rpcUrl: string | HttpEndpoint,
): Promise<PrecisionConnection> {
  const cometClient = await connectComet(rpcUrl);
  return {
    client: StargateClient.create(cometClient),
    query: createPrecisionQueryClient(cometClient),
    disconnect: () => cometClient.disconnect(),
  };
}

export async function connectPrecisionSigningClient(
  rpcUrl: string | HttpEndpoint,
  signer: OfflineSigner,
  options: PrecisionSigningOptions = {},
): Promise<PrecisionConnection<SigningStargateClient>> {
  const clientOptions = precisionSigningClientOptions(options);
  const cometClient = await connectComet(rpcUrl);
  return {
    client: SigningStargateClient.createWithSigner(cometClient, signer, clientOptions),
    query: createPrecisionQueryClient(cometClient),
    disconnect: () => cometClient.disconnect(),
  };
}
