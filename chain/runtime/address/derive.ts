import { ripemd160 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { keyString } from "../store/bytes.js";

/** Account address of a 33-byte compressed secp256k1 key: ripemd160(sha256(key)), as in the SDK. */
export function pubKeyToAddressBytes(compressedPubKey: Uint8Array): Uint8Array {
  // A copy: callers own what they get, so the memo cannot be altered through it.
  return addressOf(compressedPubKey).slice();
}

/** Whether the key derives exactly these address bytes (the SDK's pubkey/signer check), without a copy. */
export function pubKeyHasAddress(compressedPubKey: Uint8Array, address: Uint8Array): boolean {
  const derived = addressOf(compressedPubKey);
  return derived.byteLength === address.byteLength && Buffer.compare(derived, address) === 0;
}

function addressOf(compressedPubKey: Uint8Array): Uint8Array {
  // The same key object comes back from a memoized decoding (account or tx): skip building its string.
  const known = byKeyObject.get(compressedPubKey);
  if (known !== undefined) return known;
  const memoKey = keyString(compressedPubKey);
  let address = addresses.get(memoKey);
  if (address === undefined) {
    address = ripemd160(sha256(compressedPubKey));
    if (addresses.size >= ADDRESS_MEMO_SIZE) addresses.delete(addresses.keys().next().value as string);
    addresses.set(memoKey, address);
  }
  byKeyObject.set(compressedPubKey, address);
  return address;
}

/** Keyed by the key's bytes object; sound because key bytes handed to the chain are never mutated. */
const byKeyObject = new WeakMap<Uint8Array, Uint8Array>();

/** Every tx derives its signers' addresses from their keys; active accounts repeat. */
const ADDRESS_MEMO_SIZE = 50_000;
const addresses = new Map<string, Uint8Array>();

/** A module account's address: the first 20 bytes of sha256(name) (the SDK's address.Module legacy form). */
export function moduleAddressBytes(moduleName: string): Uint8Array {
  return sha256(new TextEncoder().encode(moduleName)).subarray(0, 20);
}
