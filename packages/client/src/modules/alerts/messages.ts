import { secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { AlertSignDoc, alertsTypeUrls, MsgSubmitAlert } from "@precision/proto";
import { composerFor, hasTypeUrl, type TypedEncodeObject } from "../compose.js";

export type MsgSubmitAlertEncodeObject = TypedEncodeObject<typeof alertsTypeUrls.msgSubmitAlert, MsgSubmitAlert>;
export type AlertsEncodeObject = MsgSubmitAlertEncodeObject;

export const isMsgSubmitAlertEncodeObject = hasTypeUrl<MsgSubmitAlertEncodeObject>(alertsTypeUrls.msgSubmitAlert);

export const alertsMessageComposer = {
  submitAlert: composerFor(alertsTypeUrls.msgSubmitAlert, MsgSubmitAlert),
};

export interface DeviceAlert {
  readonly chainId: string;
  readonly deviceId: string;
  readonly sequence: bigint;
  readonly code: string;
  /** Seconds since the epoch, by the device's clock. */
  readonly observedAt: bigint;
}

/** The device's signature over an alert (64-byte low-S r‖s over SHA-256 of AlertSignDoc). */
export function signDeviceAlert(alert: DeviceAlert, devicePrivateKey: Uint8Array): Uint8Array {
  const digest = sha256(AlertSignDoc.encode(alert).finish());
  return secp256k1.sign(digest, devicePrivateKey, { prehash: false, lowS: true, format: "compact" });
}
