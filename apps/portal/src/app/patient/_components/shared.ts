import { RecordClass, type AnchoredRecord } from "@precision/proto";
import type { PatientOverview } from "@/server/patient-overview.ts";
import type { Session } from "./browser-keys.ts";

/** Keys per access message: the access module's MAX_GRANT_KEYS. */
export const KEYS_PER_MESSAGE = 1_024;

export const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
export const fromHex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));

/** The public key to wrap data keys to: a person's account key, or an organisation's encryption key. */
export async function granteePublicKey(session: Session, overview: PatientOverview, person: string | null, organizationSlug: string | null): Promise<Uint8Array> {
  if (person?.trim()) {
    const account = await session.signer.getAccount(person.trim());
    if (!account?.pubkey) throw new Error("That person has no key on the network yet.");
    return fromBase64(account.pubkey.value as string);
  }
  const key = organizationSlug ? overview.organizationKeys[organizationSlug] : undefined;
  if (!key) throw new Error("Choose an organisation.");
  return fromBase64(key);
}

export const CLASSES = ["VITALS", "LABS", "IMAGING", "GENOMICS", "NOTES", "MEDICATIONS", "CONDITIONS", "ALLERGIES", "IMMUNIZATIONS", "PROCEDURES", "ENCOUNTERS", "DEMOGRAPHICS"] as const;
export const label = (c: string) => c.charAt(0) + c.slice(1).toLowerCase();
export const PURPOSES: [string, string][] = [
  ["TREAT", "Treatment"],
  ["HRESCH", "Research"],
  ["HPAYMT", "Payment"],
  ["HOPERAT", "Operations"],
];
export const TRIGGERS: [string, string][] = [
  ["ecg.afib", "Atrial fibrillation"],
  ["ecg.vtach", "Ventricular tachycardia"],
  ["ecg.bradycardia", "Bradycardia"],
  ["fall.detected", "A fall"],
  ["spo2.low", "Low oxygen"],
];
export const input = "w-full rounded-md border border-slate-300 px-3 py-2 text-sm";
export const button = "rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60";

/** The patient's records in these classes (none: all), every page. */
export async function recordsInScope(session: Session, classes: readonly string[]): Promise<AnchoredRecord[]> {
  const out: AnchoredRecord[] = [];
  const wanted = classes.length === 0 ? [RecordClass.RECORD_CLASS_UNSPECIFIED] : classes.map((c) => RecordClass[`RECORD_CLASS_${c}` as keyof typeof RecordClass] as RecordClass);
  for (const c of wanted) {
    let key: Uint8Array | undefined;
    do {
      const page = await session.chain.query.records.recordsByPatient(session.key.address, c, key);
      out.push(...page.records);
      key = page.pagination?.nextKey?.length ? page.pagination.nextKey : undefined;
    } while (key);
  }
  return out;
}

