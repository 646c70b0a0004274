// A wearable as the ingestion route expects it: the JSON body signed with the device's key.
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { identityMessageComposer, signDeviceAlert } from "@precision/client";
import { DEMO_USERS } from "@precision/db/seed";
import { DeviceKind } from "@precision/proto";
import { staffActor } from "./patient-key.ts";

export interface Wearable {
  readonly id: string;
  readonly privateKey: Uint8Array;
}

/** Registers a new wearable bound to the patient, as the consortium administrator. */
export async function registerWearable(id: string, patientAddress: string): Promise<Wearable> {
  const privateKey = secp256k1.utils.randomSecretKey();
  const admin = await staffActor(DEMO_USERS.find((u) => u.role === "ADMIN")!.email);
  try {
    const registered = await admin.client.signAndBroadcast(admin.key.address, [identityMessageComposer.registerDevice({ authority: admin.key.address, id, kind: DeviceKind.DEVICE_KIND_WEARABLE, publicKey: secp256k1.getPublicKey(privateKey, true), patientAddress, model: "PulsePatch", manufacturer: "Pulse Devices" })], "auto");
    if (registered.code !== 0) throw new Error(`registering ${id} failed: ${registered.rawLog}`);
  } finally {
    admin.disconnect();
  }
  return { id, privateKey };
}

/** The body and x-device-signature of a reading; an alert code adds the device-signed alert. */
export function signedReading(device: Wearable, observation: Record<string, unknown>, sequence: number, observedAt: number, alertCode?: string) {
  const alert = alertCode ? { code: alertCode, signature: Buffer.from(signDeviceAlert({ chainId: "precision-local-1", deviceId: device.id, sequence: BigInt(sequence), code: alertCode, observedAt: BigInt(observedAt) }, device.privateKey)).toString("base64") } : undefined;
  const body = JSON.stringify({ observation, sequence, observedAt, ...(alert ? { alert } : {}) });
  const signature = Buffer.from(secp256k1.sign(sha256(new TextEncoder().encode(body)), device.privateKey, { prehash: false, lowS: true, format: "compact" })).toString("base64");
  return { body, signature };
}
