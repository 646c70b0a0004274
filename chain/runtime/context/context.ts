import { PrefixStore } from "../store/prefix-store.js";
import type { CacheKVStore, KVStore } from "../store/types.js";
import { EventManager } from "../events/event-manager.js";
import { GasKVStore, type KVGasConfig, DEFAULT_KV_GAS_CONFIG } from "../gas/gas-kv-store.js";
import type { GasMeter } from "../gas/gas-meter.js";
import { storePrefix } from "./store-key.js";

/** Which ABCI entry point is executing; the ante handler's checks depend on it. */
export type ExecMode = "check" | "recheck" | "simulate" | "finalize" | "genesis" | "query";

/** Block time as in the header: seconds and nanoseconds since the Unix epoch, UTC. */
export interface BlockTime {
  readonly seconds: bigint;
  readonly nanos: number;
}

export interface BlockHeader {
  readonly chainId: string;
  readonly height: number;
  readonly time: BlockTime;
}

/**
 * Everything a module may see while handling a message or query: the block header, its gas meter,
 * its event manager and its own store. Deliberately no clock, randomness or I/O.
 */
export class Context {
  constructor(
    readonly header: BlockHeader,
    readonly mode: ExecMode,
    /** The state branch this execution reads and writes. */
    readonly multiStore: CacheKVStore,
    readonly gasMeter: GasMeter,
    readonly eventManager: EventManager = new EventManager(),
    private readonly kvGasConfig: KVGasConfig = DEFAULT_KV_GAS_CONFIG,
  ) {}

  get chainId(): string {
    return this.header.chainId;
  }

  get blockHeight(): number {
    return this.header.height;
  }

  get blockTime(): BlockTime {
    return this.header.time;
  }

  get isCheckTx(): boolean {
    return this.mode === "check" || this.mode === "recheck";
  }

  get isReCheckTx(): boolean {
    return this.mode === "recheck";
  }

  get isSimulate(): boolean {
    return this.mode === "simulate";
  }

  /**
   * The module's namespace of the current branch, charging gas for every access. One view per
   * module per context: a tx's keepers ask for their store many times, and the view holds no
   * state of its own (gas is charged per access, writes go straight to the branch).
   */
  kvStore(storeKey: string): KVStore {
    let store = this.kvStores?.get(storeKey);
    if (store === undefined) {
      store = new GasKVStore(new PrefixStore(this.multiStore, storePrefix(storeKey)), this.gasMeter, this.kvGasConfig);
      (this.kvStores ??= new Map()).set(storeKey, store);
    }
    return store;
  }

  private kvStores: Map<string, KVStore> | undefined;

  /** A copy that writes into `store` and collects events separately (one tx, one message, ...). */
  withStore(store: CacheKVStore): Context {
    return new Context(this.header, this.mode, store, this.gasMeter, new EventManager(), this.kvGasConfig);
  }

  withGasMeter(gasMeter: GasMeter): Context {
    return new Context(this.header, this.mode, this.multiStore, gasMeter, this.eventManager, this.kvGasConfig);
  }

  withEventManager(eventManager: EventManager): Context {
    return new Context(this.header, this.mode, this.multiStore, this.gasMeter, eventManager, this.kvGasConfig);
  }
}
