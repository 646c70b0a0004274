import type { AnchoredRecord, GrantKey } from "@precision/proto";
import { rewrapKey } from "./key-wrap.js";

/**
 * What a patient's browser puts in a grant: each record's data key, unwrapped with the patient's
 * key and wrapped again to the grantee's public key (a person's account key or an organisation's
 * encryption key). Records without a key for the patient are skipped.
 */
export async function grantKeysFor(records: readonly AnchoredRecord[], patientAddress: string, patientPrivateKey: Uint8Array, granteePublicKey: Uint8Array): Promise<GrantKey[]> {
  const out: GrantKey[] = [];
  for (const record of records) {
    const mine = record.keys.find((k) => k.recipient === patientAddress);
    if (!mine) continue;
    out.push({ recordId: record.id, wrappedKey: await rewrapKey(mine.wrappedKey, patientPrivateKey, granteePublicKey) });
  }
  return out;
}
