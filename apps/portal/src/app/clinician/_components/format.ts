/** Dates as the portal shows them: day, month, year and time, in UTC. */
export function formatUtc(d: Date | string): string {
  return `${new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(d))} UTC`;
}

export function formatDay(d: Date | string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(d));
}

const CLASS_LABEL = (c: string) => c.charAt(0) + c.slice(1).toLowerCase();

/** "All data", or "Vitals, Labs". */
export function scopeLabel(g: { scopeAll: boolean; scopeClasses: readonly string[] }): string {
  return g.scopeAll ? "All data" : g.scopeClasses.map(CLASS_LABEL).join(", ") || "Listed records";
}

export function classLabel(c: string): string {
  return CLASS_LABEL(c);
}

export const ALERT_LABELS: Record<string, string> = {
  "ecg.afib": "Atrial fibrillation (wearable ECG)",
  "ecg.vtach": "Ventricular tachycardia (wearable ECG)",
  "ecg.bradycardia": "Bradycardia (wearable ECG)",
  "ecg.tachycardia": "Tachycardia (wearable ECG)",
  "ecg.pause": "Pause (wearable ECG)",
  "fall.detected": "Fall detected",
  "glucose.high": "High glucose",
  "glucose.low": "Low glucose",
  "spo2.low": "Low oxygen saturation",
};
