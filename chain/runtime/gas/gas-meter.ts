import { ErrOutOfGas } from "../errors/sdk-errors.js";
import type { ChainError } from "../errors/registry.js";

/**
 * Gas accounting as in the SDK's store/types/gas.go. Gas is a plain number: limits are bounded by
 * the block max gas (an int64 in CometBFT), and sums stay far below 2^53 in practice; overflow
 * past MAX_SAFE_INTEGER is treated as out of gas rather than silently losing precision.
 */
export interface GasMeter {
  readonly limit: number;
  consumed(): number;
  consume(amount: number, descriptor: string): void;
  /** Consumed gas, capped at the limit as the SDK reports it after an out-of-gas failure. */
  consumedToLimit(): number;
  isOutOfGas(): boolean;
}

/** Thrown when a meter runs out; the tx runner turns it into code 11 with the SDK's log text. */
export class OutOfGasError extends Error {
  constructor(readonly descriptor: string) {
    super(`out of gas in location: ${descriptor}`);
    this.name = "OutOfGasError";
  }

  /** "out of gas in location: X; gasWanted: W, gasUsed: U: out of gas", as baseapp renders it. */
  toChainError(gasWanted: number, gasUsed: number): ChainError {
    return ErrOutOfGas.wrap(`out of gas in location: ${this.descriptor}; gasWanted: ${gasWanted}, gasUsed: ${gasUsed}`);
  }
}

export class BasicGasMeter implements GasMeter {
  private used = 0;

  constructor(readonly limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`invalid gas limit ${limit}`);
  }

  consumed(): number {
    return this.used;
  }

  consume(amount: number, descriptor: string): void {
    const next = this.used + amount;
    if (!Number.isSafeInteger(next)) {
      this.used = Number.MAX_SAFE_INTEGER;
      throw new OutOfGasError(descriptor);
    }
    this.used = next;
    if (next > this.limit) throw new OutOfGasError(descriptor);
  }

  consumedToLimit(): number {
    return Math.min(this.used, this.limit);
  }

  isOutOfGas(): boolean {
    return this.used >= this.limit;
  }
}

/** Meter without a limit: genesis, simulation and queries. */
export class InfiniteGasMeter implements GasMeter {
  readonly limit = Number.MAX_SAFE_INTEGER;
  private used = 0;

  consumed(): number {
    return this.used;
  }

  consume(amount: number, descriptor: string): void {
    const next = this.used + amount;
    if (!Number.isSafeInteger(next)) throw new OutOfGasError(descriptor);
    this.used = next;
  }

  consumedToLimit(): number {
    return this.used;
  }

  isOutOfGas(): boolean {
    return false;
  }
}
