import { sdkErrorTable } from "@precision/proto";
import { registerError, type RegisteredError } from "./registry.js";

/** The SDK's root errors in codespace "sdk", registered from the shared table in @precision/proto. */
const byName = new Map<string, RegisteredError>(
  sdkErrorTable.map((row) => [row.name, registerError(row.codespace, row.code, row.message)]),
);

function sdk(name: string): RegisteredError {
  const err = byName.get(name);
  if (err === undefined) throw new Error(`sdk error ${name} is missing from @precision/proto's sdkErrorTable`);
  return err;
}

export const ErrTxDecode = sdk("tx_decode");
export const ErrInvalidSequence = sdk("invalid_sequence");
export const ErrUnauthorized = sdk("unauthorized");
export const ErrInsufficientFunds = sdk("insufficient_funds");
export const ErrUnknownRequest = sdk("unknown_request");
export const ErrInvalidAddress = sdk("invalid_address");
export const ErrInvalidPubKey = sdk("invalid_pubkey");
export const ErrUnknownAddress = sdk("unknown_address");
export const ErrInvalidCoins = sdk("invalid_coins");
export const ErrOutOfGas = sdk("out_of_gas");
export const ErrMemoTooLarge = sdk("memo_too_large");
export const ErrInsufficientFee = sdk("insufficient_fee");
export const ErrTooManySignatures = sdk("too_many_signatures");
export const ErrNoSignatures = sdk("no_signatures");
export const ErrInvalidRequest = sdk("invalid_request");
export const ErrTxInMempoolCache = sdk("tx_in_mempool_cache");
export const ErrMempoolIsFull = sdk("mempool_is_full");
export const ErrTxTooLarge = sdk("tx_too_large");
export const ErrKeyNotFound = sdk("key_not_found");
export const ErrInvalidHeight = sdk("invalid_height");
export const ErrInvalidChainID = sdk("invalid_chain_id");
export const ErrInvalidType = sdk("invalid_type");
export const ErrTxTimeoutHeight = sdk("tx_timeout_height");
export const ErrUnknownExtensionOptions = sdk("unknown_extension_options");
export const ErrWrongSequence = sdk("wrong_sequence");
export const ErrLogic = sdk("logic");
export const ErrNotSupported = sdk("not_supported");
export const ErrNotFound = sdk("not_found");
export const ErrInvalidGasLimit = sdk("invalid_gas_limit");
