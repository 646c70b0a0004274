import { Context, type ExecMode } from "../context/context.js";
import { InfiniteGasMeter } from "../gas/gas-meter.js";
import { CacheKV } from "../store/cachekv.js";
import { MemKVStore } from "../store/mem-kv.js";
import type { CacheKVStore } from "../store/types.js";

export interface TestContextOptions {
  readonly height?: number;
  readonly seconds?: bigint;
  readonly mode?: ExecMode;
  readonly chainId?: string;
  readonly store?: CacheKVStore;
}

/** A context over a fresh in-memory store, for module unit tests (no app, no ante handler). */
export function testContext(options: TestContextOptions = {}): Context {
  return new Context(
    { chainId: options.chainId ?? "precision-test-1", height: options.height ?? 1, time: { seconds: options.seconds ?? 1_700_000_000n, nanos: 0 } },
    options.mode ?? "finalize",
    options.store ?? new CacheKV(new MemKVStore()),
    new InfiniteGasMeter(),
  );
}
