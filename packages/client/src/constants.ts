import { makeCosmoshubPath } from "@cosmjs/amino";
import type { HdPath } from "@cosmjs/crypto";

export const PRECISION_BECH32_PREFIX = "prec";
export const PRECISION_CHAIN_ID = "precision-local-1";
/** Micro-dollars: 1 USD = 1 000 000 uusd. */
export const PRECISION_DENOM = "uusd";
/**
 * The node accepts any price at or above its configured minimum (0uusd by default). A non-zero
 * default keeps transactions valid when an operator raises that minimum.
 */
export const PRECISION_DEFAULT_GAS_PRICE = `0.025${PRECISION_DENOM}`;
/** The node produces a block about every second; CosmJS's 3 s default poll would dominate latency. */
export const PRECISION_BROADCAST_POLL_INTERVAL_MS = 300;
export const PRECISION_BROADCAST_TIMEOUT_MS = 60_000;

/** m/44'/118'/0'/0/{index}: the Cosmos coin type, so keys interoperate with Cosmos wallets. */
export function precisionHdPath(accountIndex = 0): HdPath {
  return makeCosmoshubPath(accountIndex);
}
