import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { readerOver } from "../codec/cosmjs-types-codec.js";
import { ErrTxDecode, ErrTxTooLarge } from "../errors/sdk-errors.js";
import type { DecodedMsg, MsgRouter } from "../router/msg-router.js";
import { SECP256K1_PUBKEY_TYPE_URL } from "../ante/sign-doc.js";
import { rejectNonCanonicalTxRaw } from "./canonical-tx-raw.js";
import { AUTH_INFO_SCHEMA, rejectUnknownFields, SECP256K1_PUBKEY_SCHEMA, TX_BODY_SCHEMA, TX_RAW_SCHEMA, WireError } from "./unknown-fields.js";

export interface TxLimits {
  /** Upper bound on the encoded TxRaw (CometBFT's default max_tx_bytes is 1 MiB). */
  readonly maxTxBytes: number;
  readonly maxMessages: number;
}

export const DEFAULT_TX_LIMITS: TxLimits = { maxTxBytes: 1024 * 1024, maxMessages: 64 };

export interface DecodedTx {
  readonly txBytes: Uint8Array;
  readonly bodyBytes: Uint8Array;
  readonly authInfoBytes: Uint8Array;
  readonly signatures: readonly Uint8Array[];
  readonly body: TxBody;
  readonly authInfo: AuthInfo;
  readonly msgs: readonly DecodedMsg[];
  /** Distinct signers in order of first appearance; the first pays the fee. */
  readonly signers: readonly string[];
}

/**
 * The array cut to its length. An array filled by push keeps a backing store of at least 17
 * slots, and a decoded tx lives until its block: for a one-message send its seven one-element
 * arrays were ~1 KB of the ~2.5 KB it kept.
 */
function fit<T>(array: T[]): T[] {
  return array.length === 0 ? array : array.slice();
}

/** A decoded message's own array fields, cut to size (nested messages keep theirs). */
function fitArrays(value: unknown): void {
  if (typeof value !== "object" || value === null) return;
  const fields = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const field = fields[key];
    if (Array.isArray(field)) fields[key] = fit(field);
  }
}

function decodeFailure(detail: string): Error {
  return ErrTxDecode.wrap(detail);
}

/**
 * TxRaw → TxBody/AuthInfo → messages, with the SDK decoder's strictness: the TxRaw must be
 * ADR-027 canonical, unknown fields are rejected in the envelope, the signers' keys and every
 * message (non-critical ones allowed in the body and its messages only), unknown message types
 * fail to decode, and every message must carry a valid signer. Anything malformed is code 2.
 */
export function decodeTx(txBytes: Uint8Array, router: MsgRouter, limits: TxLimits = DEFAULT_TX_LIMITS): DecodedTx {
  if (txBytes.length === 0) throw decodeFailure("tx bytes are empty");
  if (txBytes.length > limits.maxTxBytes) {
    throw ErrTxTooLarge.wrap(`tx size ${txBytes.length} exceeds the limit of ${limits.maxTxBytes} bytes`);
  }
  let raw: TxRaw;
  let body: TxBody;
  let authInfo: AuthInfo;
  try {
    rejectNonCanonicalTxRaw(txBytes);
    rejectUnknownFields(txBytes, TX_RAW_SCHEMA, false, "TxRaw");
    // Decoded fields are views into the tx bytes, which nobody mutates (see readerOver).
    raw = TxRaw.decode(readerOver(txBytes));
    rejectUnknownFields(raw.bodyBytes, TX_BODY_SCHEMA, true, "TxBody");
    rejectUnknownFields(raw.authInfoBytes, AUTH_INFO_SCHEMA, false, "AuthInfo");
    body = TxBody.decode(readerOver(raw.bodyBytes));
    authInfo = AuthInfo.decode(readerOver(raw.authInfoBytes));
    // The SDK checks inside the signers' key Anys too (strictly, as all of AuthInfo).
    for (const info of authInfo.signerInfos) {
      if (info.publicKey?.typeUrl === SECP256K1_PUBKEY_TYPE_URL) rejectUnknownFields(info.publicKey.value, SECP256K1_PUBKEY_SCHEMA, false, "AuthInfo.signer_infos.public_key");
    }
    body.messages = fit(body.messages);
    authInfo.signerInfos = fit(authInfo.signerInfos);
    if (authInfo.fee !== undefined) authInfo.fee.amount = fit(authInfo.fee.amount);
  } catch (err) {
    if (err instanceof WireError) throw decodeFailure(err.message);
    throw decodeFailure(`invalid protobuf: ${(err as Error).message}`);
  }
  if (body.messages.length === 0) throw decodeFailure("must contain at least one message");
  if (body.messages.length > limits.maxMessages) {
    throw decodeFailure(`too many messages: ${body.messages.length} > ${limits.maxMessages}`);
  }
  const msgs: DecodedMsg[] = [];
  const signers: string[] = [];
  for (const any of body.messages) {
    const route = router.route(any.typeUrl);
    if (route === undefined) throw decodeFailure(`unable to resolve type URL ${any.typeUrl}`);
    let value: unknown;
    try {
      // Non-critical unknown fields (bit 11) pass, as in the rest of the body.
      rejectUnknownFields(any.value, route.schema, true, any.typeUrl);
      value = route.decode(any.value);
    } catch (err) {
      throw decodeFailure(err instanceof WireError ? err.message : `invalid ${any.typeUrl}: ${(err as Error).message}`);
    }
    fitArrays(value);
    const signer = router.signerOf(route, value);
    if (!signers.includes(signer)) signers.push(signer);
    msgs.push({ typeUrl: any.typeUrl, value, route, signer });
  }
  return {
    txBytes,
    bodyBytes: raw.bodyBytes,
    authInfoBytes: raw.authInfoBytes,
    signatures: fit(raw.signatures),
    body,
    authInfo,
    msgs: fit(msgs),
    signers: fit(signers),
  };
}
