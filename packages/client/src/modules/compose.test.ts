import { secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { AlertSignDoc, MsgGrantAccess, Purpose } from "@precision/proto";
import { describe, expect, it } from "vitest";
import { createRegistry } from "../registry.js";
import { accessMessageComposer, isMsgGrantAccessEncodeObject } from "./access/messages.js";
import { alertsMessageComposer, signDeviceAlert } from "./alerts/messages.js";
import { composerFor } from "./compose.js";
import { organizationRecipient, recordsMessageComposer, vaultLocator } from "./records/messages.js";

describe("message composers", () => {
  it("normalise 64-bit fields and encode through the registry", () => {
    const msg = accessMessageComposer.grantAccess({ patient: "prec1x", granteeOrganizationId: "heartcare", purpose: Purpose.PURPOSE_TREAT, scope: { all: true }, end: { seconds: 1_800_000_000n, nanos: 0 } });
    expect(msg.typeUrl).toBe("/precision.access.v1.MsgGrantAccess");
    expect(isMsgGrantAccessEncodeObject(msg)).toBe(true);
    const bytes = createRegistry().encode(msg);
    expect(MsgGrantAccess.decode(bytes)).toMatchObject({ granteeOrganizationId: "heartcare", scope: { all: true, classes: [] } });
    expect(recordsMessageComposer.anchorRecord({ id: "obs-1" }).value.ciphertextSize).toBe(0n);
    expect(alertsMessageComposer.submitAlert({ sequence: 3n }).typeUrl).toBe("/precision.alerts.v1.MsgSubmitAlert");
  });

  it("refuse a type URL that is not the message's own", () => {
    expect(() => composerFor("/precision.access.v1.MsgRevokeAccess", MsgGrantAccess)).toThrow(/not the type URL/);
  });
});

describe("record helpers", () => {
  it("name the vault locator and organisation recipients as the chain expects", () => {
    expect(vaultLocator(new Uint8Array(32).fill(0xab))).toBe(`vault:sha256:${"ab".repeat(32)}`);
    expect(organizationRecipient("heartcare")).toBe("org:heartcare");
  });
});

describe("signDeviceAlert", () => {
  it("signs SHA-256 of AlertSignDoc with a low-S signature the device key verifies", () => {
    const priv = secp256k1.utils.randomSecretKey();
    const alert = { chainId: "precision-local-1", deviceId: "wear-7", sequence: 1n, code: "ecg.afib", observedAt: 1_800_000_000n };
    const signature = signDeviceAlert(alert, priv);
    expect(signature).toHaveLength(64);
    const digest = sha256(AlertSignDoc.encode(alert).finish());
    expect(secp256k1.verify(signature, digest, secp256k1.getPublicKey(priv, true), { prehash: false, lowS: true })).toBe(true);
    expect(secp256k1.verify(signature, sha256(AlertSignDoc.encode({ ...alert, sequence: 2n }).finish()), secp256k1.getPublicKey(priv, true), { prehash: false })).toBe(false);
  });
});
