import { describe, expect, it } from "vitest";
import { MemKVStore } from "../store/mem-kv.js";
import { GasKVStore } from "./gas-kv-store.js";
import { BasicGasMeter, OutOfGasError } from "./gas-meter.js";

describe("gas", () => {
  it("charges the SDK's KVGasConfig: read 1000 + 3/byte, write 2000 + 30/byte", () => {
    const meter = new BasicGasMeter(100_000);
    const store = new GasKVStore(new MemKVStore(), meter);
    store.set(Uint8Array.of(1, 2), Uint8Array.of(3, 4, 5));
    expect(meter.consumed()).toBe(2000 + 30 * 2 + 30 * 3);
    store.get(Uint8Array.of(1, 2));
    expect(meter.consumed()).toBe(2150 + 1000 + 3 * 2 + 3 * 3);
  });

  it("throws OutOfGasError past the limit and renders the SDK's log", () => {
    const meter = new BasicGasMeter(1500);
    expect(() => new GasKVStore(new MemKVStore(), meter).set(Uint8Array.of(1), Uint8Array.of(1))).toThrow(OutOfGasError);
    const err = new OutOfGasError("WriteFlat").toChainError(1500, meter.consumed());
    expect([err.code, err.message]).toEqual([11, "out of gas in location: WriteFlat; gasWanted: 1500, gasUsed: 2000: out of gas"]);
  });
});
