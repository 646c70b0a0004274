import { ConsensusParams } from "cosmjs-types/tendermint/types/params";
import type { KVStore } from "../runtime/store/types.js";
import { storePrefix } from "../runtime/context/store-key.js";

/**
 * The consensus params from InitChain, kept in state (like the SDK's x/consensus) so that a
 * restarted node applies the same block gas limit. Layout: "consensus/" 0x01 → ConsensusParams.
 */
const PARAMS_KEY = (() => {
  const prefix = storePrefix("consensus");
  const key = new Uint8Array(prefix.length + 1);
  key.set(prefix);
  key[prefix.length] = 0x01;
  return key;
})();

export function saveConsensusParams(store: KVStore, params: ConsensusParams): void {
  store.set(PARAMS_KEY, ConsensusParams.encode(params).finish());
}

export function loadConsensusParams(store: KVStore): ConsensusParams | undefined {
  const bytes = store.get(PARAMS_KEY);
  return bytes === undefined ? undefined : ConsensusParams.decode(bytes);
}

/** Block max gas; -1 (CometBFT's default) and 0 mean unlimited. */
export function maxBlockGasOf(params: ConsensusParams | undefined): number {
  const maxGas = params?.block?.maxGas ?? -1n;
  return maxGas <= 0n ? -1 : Number(maxGas > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : maxGas);
}
