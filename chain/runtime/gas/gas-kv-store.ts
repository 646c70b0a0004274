import type { KVStore } from "../store/types.js";
import type { GasMeter } from "./gas-meter.js";

/** The SDK's KVGasConfig (store/types/gas.go KVGasConfig()). */
export interface KVGasConfig {
  readonly hasCost: number;
  readonly deleteCost: number;
  readonly readCostFlat: number;
  readonly readCostPerByte: number;
  readonly writeCostFlat: number;
  readonly writeCostPerByte: number;
  readonly iterNextCostFlat: number;
}

export const DEFAULT_KV_GAS_CONFIG: KVGasConfig = {
  hasCost: 1000,
  deleteCost: 1000,
  readCostFlat: 1000,
  readCostPerByte: 3,
  writeCostFlat: 2000,
  writeCostPerByte: 30,
  iterNextCostFlat: 30,
};

/** Charges gas for every access to the wrapped store, with the SDK's descriptors (store/gaskv). */
export class GasKVStore implements KVStore {
  constructor(
    private readonly parent: KVStore,
    private readonly meter: GasMeter,
    private readonly config: KVGasConfig = DEFAULT_KV_GAS_CONFIG,
  ) {}

  get(key: Uint8Array): Uint8Array | undefined {
    this.meter.consume(this.config.readCostFlat, "ReadFlat");
    const value = this.parent.get(key);
    this.meter.consume(this.config.readCostPerByte * key.length, "ReadPerByte");
    if (value !== undefined) this.meter.consume(this.config.readCostPerByte * value.length, "ReadPerByte");
    return value;
  }

  has(key: Uint8Array): boolean {
    this.meter.consume(this.config.hasCost, "Has");
    return this.parent.has(key);
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.meter.consume(this.config.writeCostFlat, "WriteFlat");
    this.meter.consume(this.config.writeCostPerByte * key.length, "WritePerByte");
    this.meter.consume(this.config.writeCostPerByte * value.length, "WritePerByte");
    this.parent.set(key, value);
  }

  delete(key: Uint8Array): void {
    this.meter.consume(this.config.deleteCost, "Delete");
    this.parent.delete(key);
  }

  iterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<[Uint8Array, Uint8Array]> {
    return this.metered(this.parent.iterator(start, end));
  }

  reverseIterator(start?: Uint8Array, end?: Uint8Array): IterableIterator<[Uint8Array, Uint8Array]> {
    return this.metered(this.parent.reverseIterator(start, end));
  }

  private *metered(inner: IterableIterator<[Uint8Array, Uint8Array]>): IterableIterator<[Uint8Array, Uint8Array]> {
    for (const [key, value] of inner) {
      this.meter.consume(this.config.iterNextCostFlat, "IterNextFlat");
      this.meter.consume(this.config.readCostPerByte * key.length, "ValuePerByte");
      this.meter.consume(this.config.readCostPerByte * value.length, "ValuePerByte");
      yield [key, value];
    }
  }
}
