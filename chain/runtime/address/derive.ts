import { ripemd160 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";

/** Account address of a 33-byte compressed secp256k1 key: ripemd160(sha256(key)), as in the SDK. */
export function pubKeyToAddressBytes(compressedPubKey: Uint8Array): Uint8Array {
  return ripemd160(sha256(compressedPubKey));
}

/** A module account's address: the first 20 bytes of sha256(name) (the SDK's address.Module legacy form). */
export function moduleAddressBytes(moduleName: string): Uint8Array {
  return sha256(new TextEncoder().encode(moduleName)).subarray(0, 20);
}
