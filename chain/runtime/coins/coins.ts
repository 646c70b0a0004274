import type { Coin as ProtoCoin } from "cosmjs-types/cosmos/base/v1beta1/coin";
import { ErrInvalidCoins } from "../errors/sdk-errors.js";

/** A coin with its amount as bigint: amounts never pass through floating point. */
export interface Coin {
  readonly denom: string;
  readonly amount: bigint;
}

/** The SDK's default denom regex (types/coin.go reDnmString). */
const DENOM = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;
const AMOUNT = /^\d+$/;
/** math.Int is capped at 256 bits. */
const MAX_AMOUNT = (1n << 256n) - 1n;

export function validateDenom(denom: string): void {
  if (!DENOM.test(denom)) throw ErrInvalidCoins.wrap(`invalid denom: ${denom}`);
}

export function parseAmount(amount: string, denom: string): bigint {
  if (!AMOUNT.test(amount)) throw ErrInvalidCoins.wrap(`invalid amount for ${denom}: "${amount}"`);
  const value = BigInt(amount);
  if (value > MAX_AMOUNT) throw ErrInvalidCoins.wrap(`amount for ${denom} is out of range`);
  return value;
}

/**
 * Parses and validates a coin list as sdk.Coins.Validate does: denoms valid, strictly sorted (so
 * no duplicates), amounts positive. An empty list is valid.
 */
export function parseCoins(coins: readonly ProtoCoin[]): Coin[] {
  const out: Coin[] = [];
  for (const [i, c] of coins.entries()) {
    validateDenom(c.denom);
    const amount = parseAmount(c.amount, c.denom);
    if (amount === 0n) throw ErrInvalidCoins.wrap(`coin ${c.amount}${c.denom} amount is not positive`);
    const prev = coins[i - 1];
    if (prev !== undefined && !(prev.denom < c.denom)) {
      throw ErrInvalidCoins.wrap(`denomination ${c.denom} is not sorted or is duplicated`);
    }
    out.push({ denom: c.denom, amount });
  }
  return out;
}

export function formatCoins(coins: readonly Coin[]): string {
  return coins.map((c) => `${c.amount}${c.denom}`).join(",");
}

export function toProtoCoin(coin: Coin): ProtoCoin {
  return { denom: coin.denom, amount: coin.amount.toString() };
}

export function amountOf(coins: readonly Coin[], denom: string): bigint {
  return coins.find((c) => c.denom === denom)?.amount ?? 0n;
}

/** Ceiling of (price × gas) with price as an exact decimal string, e.g. "0.025". */
export function ceilGasFee(price: DecimalPrice, gas: number): bigint {
  const numerator = price.numerator * BigInt(gas);
  return (numerator + price.denominator - 1n) / price.denominator;
}

export interface DecimalPrice {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export interface GasPrice {
  readonly denom: string;
  readonly price: DecimalPrice;
}

const GAS_PRICE = /^(\d+(?:\.\d{1,18})?)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/;

/** Parses "0.025uusd" into an exact rational, so the fee check needs no floats. */
export function parseGasPrice(text: string): GasPrice {
  const m = GAS_PRICE.exec(text.trim());
  if (m === null) throw new Error(`invalid gas price "${text}": expected e.g. 0.025uusd`);
  const [whole, frac = ""] = (m[1] as string).split(".");
  const denominator = 10n ** BigInt(frac.length);
  return { denom: m[2] as string, price: { numerator: BigInt(`${whole}${frac}`), denominator } };
}
