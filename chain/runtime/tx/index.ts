export { decodeTx, DEFAULT_TX_LIMITS } from "./decode-tx.js";
export type { DecodedTx, TxLimits } from "./decode-tx.js";
export { rejectUnknownFields, WireError } from "./unknown-fields.js";
