import type { AnchoredRecord, GrantKey } from "@precision/proto";
import { rewrapKey } from "./key-wrap.js";

/**
 * What goes in a grant: each record's data key, unwrapped with the holder's key and wrapped again
 * to the grantee's public key (a person's account key or an organisation's encryption key). The
 * holder is the recipient the record's key is wrapped to: the patient's address (a patient's
 * browser granting) or `org:<id>` (the organisation that wrote it, releasing keys). Records
 * without a key for the holder are skipped.
 */
export async function grantKeysFor(records: readonly AnchoredRecord[], holder: string, holderPrivateKey: Uint8Array, granteePublicKey: Uint8Array): Promise<GrantKey[]> {
  const out: GrantKey[] = [];
  for (const record of records) {
    const mine = record.keys.find((k) => k.recipient === holder);
    if (!mine) continue;
    out.push({ recordId: record.id, wrappedKey: await rewrapKey(mine.wrappedKey, holderPrivateKey, granteePublicKey) });
  }
  return out;
}
