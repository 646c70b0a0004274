import "server-only";
import { accountKeyFromMnemonic, openSecret, type AccountKey } from "@precision/client";
import { env } from "@/env.ts";
import { db } from "./db.ts";
import { FhirError } from "./fhir/outcome.ts";

/** Purposes the start script seals keys under (scripts/lib/demo-chain.mjs). */
const STAFF_KEY_PURPOSE = "staff-signing-key";
const ORGANIZATION_KEY_PURPOSE = "organization-encryption-key";

export interface StaffSigner {
  readonly mnemonic: string;
  readonly key: AccountKey;
}

// Opening a sealed key derives an AES key first; keep opened keys for the process's lifetime.
const staffCache = new Map<string, Promise<StaffSigner>>();
const orgCache = new Map<string, Promise<Uint8Array>>();

function secret(): string {
  const value = env().PRECISION_KEY_ENCRYPTION_SECRET;
  if (!value) throw FhirError.of(503, "exception", "the portal has no PRECISION_KEY_ENCRYPTION_SECRET, so it cannot act for staff");
  return value;
}

/** The staff member's signing key, which the portal holds for them as their organisation's EHR does. */
export function staffSigner(userId: string): Promise<StaffSigner> {
  let pending = staffCache.get(userId);
  if (!pending) {
    pending = (async () => {
      const user = await db().user.findUnique({ where: { id: userId }, select: { encryptedKey: true, role: true } });
      if (!user?.encryptedKey || user.role === "PATIENT") throw FhirError.of(403, "forbidden", "you have no signing key held by the portal");
      const mnemonic = await openSecret(user.encryptedKey, secret(), { purpose: STAFF_KEY_PURPOSE, owner: userId });
      return { mnemonic, key: await accountKeyFromMnemonic(mnemonic) };
    })();
    pending.catch(() => staffCache.delete(userId));
    staffCache.set(userId, pending);
  }
  return pending;
}

/** An organisation's encryption private key (the one its records' data keys are wrapped to). */
export function organizationKey(slug: string): Promise<Uint8Array> {
  let pending = orgCache.get(slug);
  if (!pending) {
    pending = (async () => {
      const org = await db().organization.findUnique({ where: { slug }, select: { id: true, encryptedKey: true } });
      if (!org?.encryptedKey) throw FhirError.of(403, "forbidden", `the portal holds no encryption key for ${slug}`);
      return Uint8Array.from(Buffer.from(await openSecret(org.encryptedKey, secret(), { purpose: ORGANIZATION_KEY_PURPOSE, owner: org.id }), "base64"));
    })();
    pending.catch(() => orgCache.delete(slug));
    orgCache.set(slug, pending);
  }
  return pending;
}
