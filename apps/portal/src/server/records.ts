import "server-only";
import type { Resource } from "@medplum/fhirtypes";
import {
  decryptRecord,
  deliverTxError,
  encryptRecord,
  isPrecisionAddress,
  isRecordId,
  organizationRecipient,
  recordClassOf,
  recordsMessageComposer,
  toPrecisionChainError,
  unwrapKey,
  vaultLocator,
  wrapKey,
} from "@precision/client";
import { db } from "./db.ts";
import { queryVisibleRecords, type RecordSummary, type VisibleRecordsFilter } from "./queries/visible-records.ts";
import { organizationKey, staffSigner } from "./custody.ts";
import { releaseMissingKeys } from "./key-release.ts";
import { FhirError } from "./fhir/outcome.ts";
import { validateFhirResource } from "./fhir/validate.ts";
import type { Profile } from "./profile.ts";
import { broadcastAs } from "./tx-signer.ts";
import { vaultRead, vaultUpload } from "./vault.ts";

/** Organisation types whose clinicians write records (records module rule). */
const AUTHORING_TYPES = new Set(["PROVIDER", "LAB", "PHARMACY"]);

export type { RecordSummary } from "./queries/visible-records.ts";

/** The patient a resource is about: `Patient/<prec1… address>` in subject or patient, or the Patient's own id. */
export function patientOf(resource: Resource): string {
  const r = resource as { resourceType: string; id?: string; subject?: { reference?: string }; patient?: { reference?: string } };
  const reference = r.resourceType === "Patient" ? `Patient/${r.id ?? ""}` : (r.subject?.reference ?? r.patient?.reference ?? "");
  const match = /^Patient\/(.+)$/.exec(reference);
  if (!match || !isPrecisionAddress(match[1]!)) {
    throw FhirError.of(422, "required", "the resource must name its patient as Patient/<prec1… account address> (subject or patient)", [`${r.resourceType}.subject`]);
  }
  return match[1]!;
}

function authoringOrganization(profile: Profile): string {
  const membership = profile.memberships.find((m) => AUTHORING_TYPES.has(m.organization.type));
  if (!membership) throw FhirError.of(403, "forbidden", "only clinicians of a provider, lab or pharmacy write records");
  return membership.organization.slug;
}

function chainRefusal(err: unknown, what: string): FhirError {
  const chainError = toPrecisionChainError(err);
  if (chainError?.codespace === "records" && (chainError.code === 13 || chainError.code === 2)) return FhirError.of(403, "forbidden", chainError.message);
  if (chainError?.codespace === "records" && chainError.code === 4) return FhirError.of(409, "duplicate", chainError.message);
  if (chainError) return FhirError.of(422, "processing", `the chain refused ${what}: ${chainError.message}`);
  if (err instanceof FhirError) return err;
  return FhirError.of(502, "transient", `${what} failed: ${(err as Error).message}`);
}

/**
 * validate → encrypt (fresh data key, wrapped to the patient and to the author organisation) →
 * store in the vault → anchor on chain, signed by the clinician.
 */
export async function createRecord(profile: Profile, resource: Resource): Promise<{ id: string; txHash: string; height: number }> {
  await validateFhirResource(resource);
  const recordClass = recordClassOf(resource);
  if (recordClass === undefined) throw FhirError.of(422, "not-supported", `${resource.resourceType} is not a clinical resource this network records`);
  const patient = patientOf(resource);
  const orgSlug = authoringOrganization(profile);
  const [patientRow, org, signer] = await Promise.all([
    db().user.findUnique({ where: { chainAddress: patient }, select: { publicKey: true } }),
    db().organization.findUnique({ where: { slug: orgSlug }, select: { encryptionPublicKey: true } }),
    staffSigner(profile.id),
  ]);
  if (!patientRow?.publicKey) throw FhirError.of(422, "not-found", `no patient with a registered key has the account ${patient}`);
  if (!org?.encryptionPublicKey) throw FhirError.of(503, "exception", `${orgSlug} has no encryption key`);

  const id = crypto.randomUUID();
  const stored = { ...resource, id, meta: { ...resource.meta, lastUpdated: new Date().toISOString() } } as Resource;
  const sealed = await encryptRecord(new TextEncoder().encode(JSON.stringify(stored)), { recordId: id });
  const [patientKey, orgKey] = await Promise.all([
    wrapKey(sealed.dataKey, Buffer.from(patientRow.publicKey, "base64")),
    wrapKey(sealed.dataKey, Buffer.from(org.encryptionPublicKey, "base64")),
  ]);
  await vaultUpload(signer.key.privateKey, sealed.envelope);
  const hash = Uint8Array.from(Buffer.from(sealed.contentHash, "hex"));
  let result;
  try {
    result = await broadcastAs(signer.mnemonic, [
      recordsMessageComposer.anchorRecord({
        author: signer.key.address,
        id,
        patient,
        authorOrganizationId: orgSlug,
        resourceType: resource.resourceType,
        recordClass,
        ciphertextSha256: hash,
        ciphertextSize: BigInt(sealed.envelope.length),
        vaultLocator: vaultLocator(hash),
        keys: [
          { recipient: patient, wrappedKey: patientKey },
          { recipient: organizationRecipient(orgSlug), wrappedKey: orgKey },
        ],
      }),
    ]);
  } catch (err) {
    throw chainRefusal(err, "the anchor");
  }
  const failed = deliverTxError(result);
  if (failed) throw chainRefusal(failed, "the anchor");
  return { id, txHash: result.transactionHash, height: result.height };
}

/** Reads and decrypts one record as the staff member: the vault enforces the grant and logs the read. */
export async function readRecord(profile: Profile, id: string): Promise<Resource> {
  if (!isRecordId(id)) throw FhirError.of(400, "invalid", "a record id is a FHIR id ([A-Za-z0-9-.]{1,64})");
  const signer = await staffSigner(profile.id);
  let read = await vaultRead(signer.key.privateKey, id);
  if (!read.wrappedKey) {
    // Allowed but keyless: the writing organisation may not have released the key to this grant yet.
    const row = await db().chainRecord.findUnique({ where: { id }, select: { patient: true } });
    if (row && (await releaseMissingKeys(profile, row.patient)) > 0) read = await vaultRead(signer.key.privateKey, id);
  }
  if (!read.wrappedKey) throw FhirError.of(403, "forbidden", "your grant carries no key for this record yet: the patient or the organisation that wrote it must add it");
  const candidates: Uint8Array[] = [signer.key.privateKey];
  for (const m of profile.memberships) candidates.push(await organizationKey(m.organization.slug).catch(() => new Uint8Array()));
  for (const key of candidates) {
    if (key.length === 0) continue;
    try {
      const dataKey = await unwrapKey(read.wrappedKey, key);
      return JSON.parse(new TextDecoder().decode(await decryptRecord(read.envelope, dataKey, { recordId: id }))) as Resource;
    } catch {
      // not wrapped to this key: try the next
    }
  }
  throw FhirError.of(403, "forbidden", "none of your keys opens this record's data key");
}

/** Records of a patient the reader may read now, per the indexed grants (the vault re-checks on chain). */
export async function visibleRecords(
  profile: Profile,
  patient: string,
  filter: VisibleRecordsFilter = {},
): Promise<RecordSummary[]> {
  return queryVisibleRecords(db(), profile.chainAddress ?? "", profile.memberships.map((m) => m.organization.slug), patient, filter);
}
