import { sha256 } from "@noble/hashes/sha2.js";
import { AlertSignDoc } from "@precision/proto";

/** The digest a device signs: SHA-256 of AlertSignDoc's protobuf encoding. */
export function alertSignDigest(doc: AlertSignDoc): Uint8Array {
  return sha256(AlertSignDoc.encode(doc).finish());
}
