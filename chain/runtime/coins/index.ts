export { amountOf, ceilGasFee, formatCoins, parseAmount, parseCoins, parseGasPrice, toProtoCoin, validateDenom } from "./coins.js";
export type { Coin, DecimalPrice, GasPrice } from "./coins.js";
