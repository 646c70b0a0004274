import type { ModuleErrorDefinition } from "./module-error.js";

export const SDK_CODESPACE = "sdk";

/** The Cosmos SDK root errors (types/errors/errors.go), which CosmJS users already know by code. */
const sdkErrorRows = [
  [2, "tx_decode", "tx parse error"],
  [3, "invalid_sequence", "invalid sequence"],
  [4, "unauthorized", "unauthorized"],
  [5, "insufficient_funds", "insufficient funds"],
  [6, "unknown_request", "unknown request"],
  [7, "invalid_address", "invalid address"],
  [8, "invalid_pubkey", "invalid pubkey"],
  [9, "unknown_address", "unknown address"],
  [10, "invalid_coins", "invalid coins"],
  [11, "out_of_gas", "out of gas"],
  [12, "memo_too_large", "memo too large"],
  [13, "insufficient_fee", "insufficient fee"],
  [14, "too_many_signatures", "maximum number of signatures exceeded"],
  [15, "no_signatures", "no signatures supplied"],
  [16, "json_marshal", "failed to marshal JSON bytes"],
  [17, "json_unmarshal", "failed to unmarshal JSON bytes"],
  [18, "invalid_request", "invalid request"],
  [19, "tx_in_mempool_cache", "tx already in mempool"],
  [20, "mempool_is_full", "mempool is full"],
  [21, "tx_too_large", "tx too large"],
  [22, "key_not_found", "key not found"],
  [23, "wrong_password", "invalid account password"],
  [24, "invalid_signer", "tx intended signer does not match the given signer"],
  [25, "invalid_gas_adjustment", "invalid gas adjustment"],
  [26, "invalid_height", "invalid height"],
  [27, "invalid_version", "invalid version"],
  [28, "invalid_chain_id", "invalid chain-id"],
  [29, "invalid_type", "invalid type"],
  [30, "tx_timeout_height", "tx timeout height"],
  [31, "unknown_extension_options", "unknown extension options"],
  [32, "wrong_sequence", "incorrect account sequence"],
  [33, "pack_any", "failed packing protobuf message to Any"],
  [34, "unpack_any", "failed unpacking protobuf message from Any"],
  [35, "logic", "internal logic error"],
  [36, "conflict", "conflict"],
  [37, "not_supported", "feature not supported"],
  [38, "not_found", "not found"],
  [39, "io", "Internal IO error"],
  [40, "app_config", "error in app.toml"],
  [41, "invalid_gas_limit", "invalid gas limit"],
] as const;

export const sdkErrorTable: readonly ModuleErrorDefinition<typeof SDK_CODESPACE>[] =
  sdkErrorRows.map(([code, name, message]) => ({ codespace: SDK_CODESPACE, code, name, message }));

export type SdkErrorName = (typeof sdkErrorRows)[number][1];

/**
 * Errors outside any module: the SDK's codespace "undefined" holds code 1 (internal) and
 * 111222 (a recovered panic).
 */
export const UNDEFINED_CODESPACE = "undefined";
export const internalErrorTable: readonly ModuleErrorDefinition<typeof UNDEFINED_CODESPACE>[] = [
  { codespace: UNDEFINED_CODESPACE, code: 1, name: "internal", message: "internal" },
  { codespace: UNDEFINED_CODESPACE, code: 111222, name: "panic", message: "panic" },
];
