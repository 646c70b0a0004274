import { hash } from "node:crypto";
import { SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { DecodedTx } from "../tx/decode-tx.js";

export const SECP256K1_PUBKEY_TYPE_URL = "/cosmos.crypto.secp256k1.PubKey";

/**
 * sha256 of SignDoc{body_bytes, auth_info_bytes, chain_id, account_number}, over the raw bytes
 * exactly as received (x/tx/signing/direct). Genesis txs (height 0) sign account number 0.
 */
export function signDocDigest(tx: DecodedTx, chainId: string, accountNumber: bigint): Uint8Array {
  // CheckTx, its verify-ahead probe and FinalizeBlock share one decoded tx: hash its sign doc once.
  const memo = digests.get(tx);
  if (memo !== undefined && memo.chainId === chainId && memo.accountNumber === accountNumber) return memo.digest;
  const doc = SignDoc.encode({
    bodyBytes: tx.bodyBytes,
    authInfoBytes: tx.authInfoBytes,
    chainId,
    accountNumber,
  }).finish();
  // Native SHA-256: the JS implementation took half of this function's time.
  const digest = new Uint8Array(hash("sha256", doc, "buffer"));
  digests.set(tx, { chainId, accountNumber, digest });
  return digest;
}

const digests = new WeakMap<DecodedTx, { chainId: string; accountNumber: bigint; digest: Uint8Array }>();

/** The 33-byte key inside a `/cosmos.crypto.secp256k1.PubKey` Any, or undefined for any other shape. */
export function decodeSecp256k1PubKey(any: Any): Uint8Array | undefined {
  if (any.typeUrl !== SECP256K1_PUBKEY_TYPE_URL) return undefined;
  try {
    const key = PubKey.decode(any.value).key;
    return key.length === 33 && (key[0] === 2 || key[0] === 3) ? key : undefined;
  } catch {
    return undefined;
  }
}

export function encodeSecp256k1PubKey(key: Uint8Array): Any {
  return { typeUrl: SECP256K1_PUBKEY_TYPE_URL, value: PubKey.encode({ key }).finish() };
}
