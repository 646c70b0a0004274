export { ACCOUNT_ADDRESS_PREFIX, encodeAddress, mustParseAddress, parseAddress } from "./bech32-address.js";
export type { AddressResult } from "./bech32-address.js";
export { pubKeyToAddressBytes, moduleAddressBytes } from "./derive.js";
