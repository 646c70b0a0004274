import { hash } from "node:crypto";
import { SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import type { Any } from "cosmjs-types/google/protobuf/any";
// Its int64 fix makes SignDoc.encode write account numbers from 2^31 as the SDK does.
import "../codec/cosmjs-types-codec.js";
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
  // A tx's signer infos are decoded once and read in CheckTx and again in FinalizeBlock.
  const known = decodedKeys.get(any);
  if (known !== undefined) return known ?? undefined;
  let key: Uint8Array | null = null;
  if (any.typeUrl === SECP256K1_PUBKEY_TYPE_URL) {
    try {
      const k = PubKey.decode(any.value).key;
      if (k.length === 33 && (k[0] === 2 || k[0] === 3)) key = k;
    } catch {
      // Not a PubKey message: no key.
    }
  }
  decodedKeys.set(any, key);
  return key ?? undefined;
}

/** Keyed by the Any object, which decoded txs and accounts share and never modify. */
const decodedKeys = new WeakMap<Any, Uint8Array | null>();

export function encodeSecp256k1PubKey(key: Uint8Array): Any {
  // Every account write encodes its key again; the key object is the same until the account changes hands.
  let any = encodedKeys.get(key);
  if (any === undefined) {
    any = { typeUrl: SECP256K1_PUBKEY_TYPE_URL, value: PubKey.encode({ key }).finish() };
    encodedKeys.set(key, any);
  }
  return any;
}

const encodedKeys = new WeakMap<Uint8Array, Any>();
