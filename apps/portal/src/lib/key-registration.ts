import { sha256 } from "@noble/hashes/sha2.js";

/** What a patient's browser signs to prove it holds the key it registers. */
export function registrationMessage(userId: string, address: string): Uint8Array {
  return sha256(new TextEncoder().encode(`precision-register-key:${userId}:${address}`));
}
