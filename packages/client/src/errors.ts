import type { DeliverTxResponse } from "@cosmjs/stargate";
import { BroadcastTxError } from "@cosmjs/stargate";
import type { ModuleErrorDefinition } from "@precision/proto";
import {
  UNDEFINED_CODESPACE,
  identityErrorTable,
  internalErrorTable,
  recordsErrorTable,
  accessErrorTable,
  alertsErrorTable,
  SDK_CODESPACE,
  sdkErrorTable,
} from "@precision/proto";

const knownErrors: readonly ModuleErrorDefinition[] = [
  ...sdkErrorTable,
  ...internalErrorTable,
  ...identityErrorTable,
  ...recordsErrorTable,
  ...accessErrorTable,
  ...alertsErrorTable,
];

/** Where the chain refused: CheckTx (broadcast), in a block (deliver) or an ABCI query. */
export type ChainErrorStage = "check" | "deliver" | "query";

/** What users read, keyed by `${codespace}:${name}`. Unlisted errors fall back to the chain's text. */
const userMessages: Readonly<Record<string, string>> = {
  "sdk:tx_decode": "The transaction could not be decoded by the network.",
  "sdk:unauthorized": "The signature was rejected or you are not allowed to do this.",
  "sdk:insufficient_funds": "The account does not hold enough funds for this transaction.",
  "sdk:invalid_address": "An address in the request is not a valid Precision address.",
  "sdk:invalid_pubkey": "The signing key does not match the account.",
  "sdk:unknown_address": "This account does not exist on the network yet.",
  "sdk:out_of_gas": "The transaction ran out of gas. Try again with a higher gas limit.",
  "sdk:memo_too_large": "The memo is too long.",
  "sdk:insufficient_fee": "The fee is below the network's minimum gas price.",
  "sdk:invalid_request": "The request is invalid.",
  "sdk:tx_in_mempool_cache": "This transaction has already been submitted.",
  "sdk:mempool_is_full": "The network is busy. Please try again shortly.",
  "sdk:tx_too_large": "The transaction is too large.",
  "sdk:key_not_found": "The requested item was not found.",
  "sdk:invalid_chain_id": "The transaction was signed for a different network.",
  "sdk:tx_timeout_height": "The transaction expired before it was included in a block.",
  "sdk:wrong_sequence":
    "Another transaction from this account was processed first. Please try again.",
  "sdk:not_found": "The requested item was not found.",
  "sdk:invalid_gas_limit": "The transaction's gas limit is invalid.",
  "undefined:internal": "The network hit an internal error.",
  "undefined:panic": "The network hit an internal error.",
  "identity:unauthorized": "Only the consortium authority may change identities.",
  "identity:organization_not_found": "No organisation with this id is registered.",
  "identity:organization_already_exists": "An organisation with this id is already registered.",
  "identity:organization_inactive": "This organisation has been deactivated.",
  "identity:invalid_organization_id":
    "Organisation ids are 3–64 lowercase letters, digits and hyphens.",
  "identity:invalid_organization_type": "Choose the kind of organisation.",
  "identity:invalid_identifier":
    "An identifier (NPI, GLN, payer id or NDC labeler code) is invalid.",
  "identity:identifier_already_used": "An identifier already belongs to another organisation.",
  "identity:member_not_found": "This account is not a member of the organisation.",
  "identity:member_already_exists": "This account is already a member of the organisation.",
  "identity:member_inactive": "This member has been removed from the organisation.",
  "identity:invalid_roles": "Give the member at least one valid role, without repeats.",
  "identity:device_not_found": "No device with this id is registered.",
  "identity:device_already_exists": "A device with this id is already registered.",
  "identity:device_inactive": "This device has been deactivated.",
  "identity:invalid_device_id": "Device ids are 3–64 lowercase letters, digits and hyphens.",
  "identity:invalid_device_kind": "Choose whether the device is a wearable or a sensor.",
  "identity:invalid_public_key": "The key must be a 33-byte compressed secp256k1 public key.",
  "identity:invalid_device_owner":
    "A wearable belongs to a patient account and a sensor to an active carrier organisation.",
  "identity:invalid_field": "A field in the request is missing, too long or malformed.",
};

export interface ChainErrorDetails {
  readonly stage: ChainErrorStage;
  /** Empty when the chain's answer did not say (CosmJS drops it for deliver and query failures). */
  readonly codespace: string;
  readonly code: number;
  readonly log: string;
  readonly transactionHash?: string;
  readonly height?: number;
}

/** A refusal by the chain, keeping its (codespace, code) and log, with a message for users. */
export class PrecisionChainError extends Error {
  override readonly name = "PrecisionChainError";
  readonly stage: ChainErrorStage;
  readonly codespace: string;
  readonly code: number;
  /** The error's stable name from its table, e.g. "insufficient_fee", or "unknown". */
  readonly reason: string;
  readonly log: string;
  readonly transactionHash: string | undefined;
  readonly height: number | undefined;

  constructor(details: ChainErrorDetails, options?: ErrorOptions) {
    const definition = findDefinition(details.codespace, details.code, details.log);
    const codespace = definition?.codespace ?? details.codespace;
    const reason = definition?.name ?? "unknown";
    super(userMessageFor(codespace, reason, details), options);
    this.stage = details.stage;
    this.codespace = codespace;
    this.code = details.code;
    this.reason = reason;
    this.log = details.log;
    this.transactionHash = details.transactionHash;
    this.height = details.height;
  }

  is(definition: Pick<ModuleErrorDefinition, "codespace" | "code">): boolean {
    return this.codespace === definition.codespace && this.code === definition.code;
  }
}

/**
 * The table row for (codespace, code). Without a codespace the log decides: chain logs end with
 * the root error's message ("<detail>: organization not found").
 */
function findDefinition(
  codespace: string,
  code: number,
  log: string,
): ModuleErrorDefinition | undefined {
  if (codespace !== "") {
    return knownErrors.find((e) => e.codespace === codespace && e.code === code);
  }
  const sameCode = knownErrors.filter((e) => e.code === code);
  const byMessage = sameCode.filter((e) => log === e.message || log.endsWith(`: ${e.message}`));
  // Several rows can end the log ("…: not found" vs "…: key not found"); the longest is the root.
  return byMessage.sort((a, b) => b.message.length - a.message.length)[0];
}

function userMessageFor(codespace: string, reason: string, details: ChainErrorDetails): string {
  const known = userMessages[`${codespace}:${reason}`];
  if (known !== undefined) return known;
  const where = codespace === "" ? `code ${details.code}` : `${codespace} code ${details.code}`;
  return `The network refused the request (${where})${details.log === "" ? "." : `: ${details.log}`}`;
}

/** `QueryClient` reports a failed ABCI query as "Query failed with (<code>): <log>". */
const queryFailure = /^Query failed with \((\d+)\): ([\s\S]*)$/;
/** What a failed Simulate appends to the log, as the SDK does. */
const simulateSuffix = / With gas wanted: '\d+' and gas used: '\d+' ?$/;

/**
 * Turns what CosmJS throws or returns into a PrecisionChainError, or undefined when the value is
 * not a chain refusal (network failures, timeouts, programming errors).
 */
export function toPrecisionChainError(error: unknown): PrecisionChainError | undefined {
  if (error instanceof PrecisionChainError) return error;
  if (error instanceof BroadcastTxError) {
    return new PrecisionChainError(
      { stage: "check", codespace: error.codespace, code: error.code, log: error.log ?? "" },
      { cause: error },
    );
  }
  if (error instanceof Error) {
    const match = queryFailure.exec(error.message);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      return new PrecisionChainError(
        { stage: "query", codespace: "", code: Number(match[1]), log: match[2].replace(simulateSuffix, "") },
        { cause: error },
      );
    }
  }
  return undefined;
}

/** The error a failed DeliverTxResponse stands for, or undefined when the tx succeeded. */
export function deliverTxError(response: DeliverTxResponse): PrecisionChainError | undefined {
  if (response.code === 0) return undefined;
  return new PrecisionChainError({
    stage: "deliver",
    codespace: "",
    code: response.code,
    log: response.rawLog ?? "",
    transactionHash: response.transactionHash,
    height: response.height,
  });
}

/** Throws the typed error when a transaction failed inside its block. */
export function assertPrecisionTxSuccess(response: DeliverTxResponse): void {
  const error = deliverTxError(response);
  if (error !== undefined) throw error;
}

/** True for "does not exist" answers: SDK key-not-found/not-found and every module *_not_found. */
export function isNotFoundError(error: unknown): boolean {
  const chainError = toPrecisionChainError(error);
  if (chainError === undefined) return false;
  if (chainError.codespace === SDK_CODESPACE) {
    return chainError.reason === "key_not_found" || chainError.reason === "not_found";
  }
  return chainError.codespace !== UNDEFINED_CODESPACE && chainError.reason.endsWith("_not_found");
}
