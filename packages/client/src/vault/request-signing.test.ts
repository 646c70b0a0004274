import { secp256k1 } from "@noble/curves/secp256k1.js";
import { describe, expect, it } from "vitest";
import { addressFromPubkey } from "../keys.js";
import { parseVaultAuthorization, signVaultRequest, verifyVaultRequest } from "./request-signing.js";

const priv = secp256k1.utils.randomSecretKey();
const target = { method: "GET", path: "/v1/records/obs-1", bodySha256: "" };

describe("vault request signing", () => {
  it("round-trips and names the signer's address", () => {
    const auth = parseVaultAuthorization(signVaultRequest(target, priv, { now: 1_800_000_000 }))!;
    expect(auth.address).toBe(addressFromPubkey(secp256k1.getPublicKey(priv, true)));
    expect(auth.timestamp).toBe(1_800_000_000);
    expect(verifyVaultRequest(auth, target)).toBe(true);
  });

  it("fails for another path, method, body, or a tampered signature", () => {
    const auth = parseVaultAuthorization(signVaultRequest(target, priv))!;
    expect(verifyVaultRequest(auth, { ...target, path: "/v1/records/obs-2" })).toBe(false);
    expect(verifyVaultRequest(auth, { ...target, method: "PUT" })).toBe(false);
    expect(verifyVaultRequest(auth, { ...target, bodySha256: "00" })).toBe(false);
    const flipped = Uint8Array.from(auth.signature);
    flipped[5]! ^= 1;
    expect(verifyVaultRequest({ ...auth, signature: flipped }, target)).toBe(false);
  });

  it("rejects malformed headers", () => {
    for (const header of [undefined, "", "Bearer x", "Precision-Vault-V1 pubkey=AA", "Precision-Vault-V1 pubkey=!!,timestamp=1,nonce=00112233445566778899aabbccddeeff,signature=AA", "Precision-Vault-V1 pubkey=AA,timestamp=x,nonce=00,signature=AA"]) {
      expect(parseVaultAuthorization(header)).toBeUndefined();
    }
  });
});
