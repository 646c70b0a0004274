import "server-only";
import { accessMessageComposer, connectPrecisionClient, deliverTxError, grantKeysFor, organizationRecipient, type PrecisionConnection } from "@precision/client";
import { recordClassToJSON, type AnchoredRecord, type Grant } from "@precision/proto";
import { env } from "@/env.ts";
import { organizationKey, staffSigner } from "./custody.ts";
import { db } from "./db.ts";
import type { Profile } from "./profile.ts";
import { broadcastAs } from "./tx-signer.ts";

/** Keys per release message: the chain takes up to 1,024 (access MAX_GRANT_KEYS); smaller txs confirm sooner. */
const KEYS_PER_MESSAGE = 256;

/** Pages of a patient's grants read at most, newest first (the chain's default page is 100). */
const MAX_GRANT_PAGES = 10;

interface IndexedRecord {
  readonly id: string;
  readonly recordClass: string;
  readonly time: Date;
  readonly authorOrganizationId: string | null;
}

/** The reader's grants on this patient that are live now, read from the chain (the index may lag a fresh break-glass). */
async function liveGrantsTo(connection: PrecisionConnection, reader: string, orgs: readonly string[], patient: string): Promise<Grant[]> {
  const nowSeconds = BigInt(Math.floor(Date.now() / 1000));
  const out: Grant[] = [];
  let key: Uint8Array | undefined;
  for (let page = 0; page < MAX_GRANT_PAGES; page++) {
    const res = await connection.query.access.grantsByPatient(patient, key);
    for (const g of res.grants) {
      const toReader = g.grantee === reader || (g.granteeOrganizationId !== "" && orgs.includes(g.granteeOrganizationId));
      const live = !g.revoked && (g.start?.seconds ?? 0n) <= nowSeconds && nowSeconds < (g.end?.seconds ?? 0n);
      if (toReader && live) out.push(g);
    }
    key = res.pagination?.nextKey;
    if (!key || key.length === 0) break;
  }
  return out;
}

/** The access module's scopeCovers, on an indexed record. */
function covers(grant: Grant, record: IndexedRecord): boolean {
  const scope = grant.scope;
  if (!scope) return false;
  if (scope.recordsFrom !== undefined && BigInt(Math.floor(record.time.getTime() / 1000)) < scope.recordsFrom.seconds) return false;
  return scope.all || scope.classes.some((c) => recordClassToJSON(c) === `RECORD_CLASS_${record.recordClass}`) || scope.recordIds.includes(record.id);
}

/** A staff member of the organisation whose signing key the portal holds, to sign its releases. */
async function releaserOf(organizationSlug: string) {
  const member = await db().membership.findFirst({
    where: { organization: { slug: organizationSlug }, user: { encryptedKey: { not: null }, disabled: false, role: { not: "PATIENT" } } },
    orderBy: { createdAt: "asc" },
    select: { userId: true },
  });
  return member ? staffSigner(member.userId) : undefined;
}

async function granteePublicKey(connection: PrecisionConnection, grant: Grant): Promise<Uint8Array | undefined> {
  if (grant.granteeOrganizationId !== "") {
    const org = await db().organization.findUnique({ where: { slug: grant.granteeOrganizationId }, select: { encryptionPublicKey: true } });
    return org?.encryptionPublicKey ? Uint8Array.from(Buffer.from(org.encryptionPublicKey, "base64")) : undefined;
  }
  const account = await connection.client.getAccount(grant.grantee);
  return account?.pubkey ? Uint8Array.from(Buffer.from(account.pubkey.value as string, "base64")) : undefined;
}

/**
 * For each organisation whose keys this portal holds (as that organisation's EHR would), releases
 * the data keys of the records it wrote to the reader's live grants on this patient that cover
 * them but carry no key yet: a break-glass or emergency grant gets no keys from the patient for
 * other organisations' records, and a consent grant none for records written after it. The chain
 * checks each grant is live and covers each record, so a release cannot widen access.
 * Returns how many keys were released.
 */
async function release(reader: string, orgs: readonly string[], patient: string): Promise<number> {
  const custodied = await db().organization.findMany({ where: { encryptedKey: { not: null }, slug: { notIn: [...orgs] } }, select: { slug: true } });
  if (custodied.length === 0) return 0;
  const records: IndexedRecord[] = await db().chainRecord.findMany({
    where: { patient, supersededBy: null, authorOrganizationId: { in: custodied.map((o) => o.slug) } },
    select: { id: true, recordClass: true, time: true, authorOrganizationId: true },
  });
  if (records.length === 0) return 0;

  const connection = await connectPrecisionClient(env().CHAIN_RPC_URL);
  let released = 0;
  try {
    for (const row of await liveGrantsTo(connection, reader, orgs, patient)) {
      const keyed = new Set(row.keys.map((k) => k.recordId));
      const missing = records.filter((r) => covers(row, r) && !keyed.has(r.id));
      if (missing.length === 0) continue;
      const recipientKey = await granteePublicKey(connection, row);
      if (!recipientKey) continue;
      const byOrg = new Map<string, string[]>();
      for (const r of missing) byOrg.set(r.authorOrganizationId!, [...(byOrg.get(r.authorOrganizationId!) ?? []), r.id]);
      // Each organisation signs with its own staff key, so their releases go out side by side.
      const outcomes = await Promise.allSettled(
        [...byOrg].map(async ([slug, ids]) => {
          const signer = await releaserOf(slug);
          if (!signer) return 0;
          const anchored: AnchoredRecord[] = await Promise.all(ids.map((id) => connection.query.records.record(id)));
          const keys = await grantKeysFor(anchored, organizationRecipient(slug), await organizationKey(slug), recipientKey);
          let count = 0;
          for (let i = 0; i < keys.length; i += KEYS_PER_MESSAGE) {
            const chunk = keys.slice(i, i + KEYS_PER_MESSAGE);
            const result = await broadcastAs(signer.mnemonic, [accessMessageComposer.releaseGrantKeys({ releaser: signer.key.address, organizationId: slug, grantId: row.id, keys: chunk })]);
            const failed = deliverTxError(result);
            if (failed) throw failed;
            count += chunk.length;
          }
          return count;
        }),
      );
      for (const [i, outcome] of outcomes.entries()) {
        if (outcome.status === "fulfilled") released += outcome.value;
        else console.error(`${[...byOrg.keys()][i]} could not release keys to grant ${row.id}: ${(outcome.reason as Error).message}`);
      }
    }
  } finally {
    connection.disconnect();
  }
  return released;
}

const inFlight = new Map<string, Promise<number>>();

/**
 * Makes the records the reader may read on this patient decryptable by them, where an organisation
 * whose keys this portal holds wrote them. Concurrent calls for the same reader and patient share
 * one run. Never throws: a failed release leaves those records unreadable, which the read reports.
 */
export function releaseMissingKeys(profile: Profile, patient: string): Promise<number> {
  const reader = profile.chainAddress ?? "";
  const orgs = profile.memberships.map((m) => m.organization.slug);
  const id = `${reader}|${patient}`;
  let pending = inFlight.get(id);
  if (!pending) {
    pending = release(reader, orgs, patient).catch((err: unknown) => {
      console.error(`key release for ${reader} on ${patient} failed: ${(err as Error).message}`);
      return 0;
    });
    inFlight.set(id, pending);
    void pending.finally(() => inFlight.delete(id));
  }
  return pending;
}
