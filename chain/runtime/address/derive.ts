import { ripemd160 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { keyString } from "../store/bytes.js";

/** Account address of a 33-byte compressed secp256k1 key: ripemd160(sha256(key)), as in the SDK. */
export function pubKeyToAddressBytes(compressedPubKey: Uint8Array): Uint8Array {
  const memoKey = keyString(compressedPubKey);
  let address = addresses.get(memoKey);
  if (address === undefined) {
    address = ripemd160(sha256(compressedPubKey));
    if (addresses.size >= ADDRESS_MEMO_SIZE) addresses.delete(addresses.keys().next().value as string);
    addresses.set(memoKey, address);
  }
  // A copy: callers own what they get, so the memo cannot be altered through it.
  return address.slice();
}

/** Every tx derives its signers' addresses from their keys; active accounts repeat. */
const ADDRESS_MEMO_SIZE = 50_000;
const addresses = new Map<string, Uint8Array>();

/** A module account's address: the first 20 bytes of sha256(name) (the SDK's address.Module legacy form). */
export function moduleAddressBytes(moduleName: string): Uint8Array {
  return sha256(new TextEncoder().encode(moduleName)).subarray(0, 20);
}
