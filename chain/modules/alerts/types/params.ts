/**
 * alerts has no governable parameters. The vocabulary is coarse device alert classes, never
 * readings; adding a code is a consensus change.
 */
export const ALERT_CODES: readonly string[] = [
  "ecg.afib",
  "ecg.bradycardia",
  "ecg.pause",
  "ecg.tachycardia",
  "ecg.vtach",
  "fall.detected",
  "glucose.high",
  "glucose.low",
  "spo2.low",
];
/** Gas for checking the device's signature, as the ante handler charges for a tx signature. */
export const DEVICE_SIGNATURE_GAS = 1_000;
/** How far the device's clock may be ahead of the block time. */
export const MAX_CLOCK_SKEW_SECONDS = 300n;
