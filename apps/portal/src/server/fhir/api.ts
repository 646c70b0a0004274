import "server-only";
import type { AuditEvent, Bundle, Consent, Resource } from "@medplum/fhirtypes";
import { isPrecisionAddress } from "@precision/client";
import { currentUser } from "@/auth.ts";
import { userForApiToken } from "../api-tokens.ts";
import { db } from "../db.ts";
import { releaseMissingKeys } from "../key-release.ts";
import { loadProfile, type Profile } from "../profile.ts";
import { createRecord, readRecord, visibleRecords } from "../records.ts";
import { FhirError } from "./outcome.ts";

/** Resource types the API serves: the clinical ones records anchors, plus the two it derives from the chain. */
const DERIVED = new Set(["AuditEvent", "Consent"]);
const CATEGORY_CLASSES: Record<string, string[]> = {
  "vital-signs": ["VITALS"],
  laboratory: ["LABS"],
  imaging: ["IMAGING"],
  genomics: ["GENOMICS"],
  notes: ["NOTES"],
};
const MAX_BODY_BYTES = 1024 * 1024;

/** The caller: a personal API token (Authorization: Bearer), or the portal session. */
export async function caller(request?: Request): Promise<Profile> {
  const authorization = request?.headers.get("authorization");
  let userId: string | undefined;
  if (authorization) {
    const match = /^Bearer (\S+)$/.exec(authorization);
    userId = match ? await userForApiToken(match[1]!) : undefined;
    if (!userId) throw FhirError.of(401, "security", "the API token is not valid (unknown, revoked or expired)");
  } else {
    userId = (await currentUser())?.id;
  }
  if (!userId) throw FhirError.of(401, "login", "sign in to the portal or send a personal API token to use the FHIR API");
  const profile = await loadProfile(userId);
  if (!profile || profile.disabled) throw FhirError.of(401, "login", "this account cannot use the API");
  return profile;
}

export function checkType(type: string): void {
  if (!/^[A-Z][A-Za-z]{1,63}$/.test(type)) throw FhirError.of(400, "invalid", `${JSON.stringify(type)} is not a FHIR resource type`);
}

export async function readBody(request: Request, type: string): Promise<Resource> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw FhirError.of(413, "too-costly", `a resource is at most ${MAX_BODY_BYTES} bytes`);
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw FhirError.of(413, "too-costly", `a resource is at most ${MAX_BODY_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw FhirError.of(400, "structure", "the body is not JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw FhirError.of(400, "structure", "the body must be a FHIR resource object");
  const resourceType = (body as { resourceType?: unknown }).resourceType;
  if (resourceType !== type) throw FhirError.of(400, "invalid", `the body's resourceType ${JSON.stringify(resourceType)} does not match the URL's ${type}`);
  return body as Resource;
}

export async function create(profile: Profile, type: string, resource: Resource) {
  if (profile.role !== "CLINICIAN") throw FhirError.of(403, "forbidden", "only clinicians write records through the API");
  if (DERIVED.has(type)) throw FhirError.of(405, "not-supported", `${type} is derived from the chain and cannot be written`);
  return createRecord(profile, resource);
}

export async function read(profile: Profile, type: string, id: string): Promise<Resource> {
  if (profile.role === "PATIENT") throw FhirError.of(403, "forbidden", "patients read their records in the browser, where their key is");
  const resource = await readRecord(profile, id);
  if (resource.resourceType !== type) throw FhirError.of(404, "not-found", `record ${id} is a ${resource.resourceType}, not a ${type}`);
  return resource;
}

function searchSet(resources: Resource[]): Bundle {
  return { resourceType: "Bundle", type: "searchset", total: resources.length, entry: resources.map((resource) => ({ fullUrl: `${resource.resourceType}/${resource.id}`, resource, search: { mode: "match" } })) };
}

function patientParam(params: URLSearchParams): string {
  const value = (params.get("patient") ?? params.get("subject") ?? "").replace(/^Patient\//, "");
  if (!value) throw FhirError.of(400, "required", "search needs patient=<prec1… address>");
  if (!isPrecisionAddress(value)) throw FhirError.of(400, "value", `patient ${JSON.stringify(value)} is not an account address`);
  return value;
}

/** FHIR date prefixes ge/gt/le/lt on the record's anchor time, e.g. date=ge2026-01-01. */
function dateRange(params: URLSearchParams): { from?: Date; to?: Date } {
  const out: { from?: Date; to?: Date } = {};
  for (const raw of params.getAll("date")) {
    const m = /^(ge|gt|le|lt|eq)?(\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?)$/.exec(raw);
    if (!m) throw FhirError.of(400, "value", `date ${JSON.stringify(raw)} must look like ge2026-01-31`);
    const day = new Date(m[2]!);
    if (Number.isNaN(day.getTime())) throw FhirError.of(400, "value", `date ${raw} is not a date`);
    const next = new Date(day.getTime() + (m[3] ? 1 : 86_400_000));
    const op = m[1] ?? "eq";
    if (op === "ge" || op === "eq") out.from = day;
    if (op === "gt") out.from = next;
    if (op === "lt") out.to = day;
    if (op === "le" || op === "eq") out.to = next;
  }
  return out;
}

/** Reads each visible record through the vault (each read is logged on chain). */
async function readAll(profile: Profile, patient: string, ids: readonly string[]): Promise<Resource[]> {
  if (ids.length > 0) await releaseMissingKeys(profile, patient);
  const out: Resource[] = [];
  for (let i = 0; i < ids.length; i += 8) {
    const batch = await Promise.all(ids.slice(i, i + 8).map((id) => readRecord(profile, id).catch((err: unknown) => (err instanceof FhirError && err.status === 403 ? undefined : Promise.reject(err)))));
    for (const r of batch) if (r) out.push(r);
  }
  return out;
}

export async function search(profile: Profile, type: string, params: URLSearchParams): Promise<Bundle> {
  if (type === "Consent") return searchSet(await consents(profile, patientParam(params)));
  if (type === "AuditEvent") return searchSet(await auditEvents(profile, patientParam(params)));
  if (profile.role === "PATIENT") throw FhirError.of(403, "forbidden", "patients read their records in the browser, where their key is");
  const patient = patientParam(params);
  const category = params.get("category");
  const recordClasses = category ? CATEGORY_CLASSES[category] : undefined;
  if (category && !recordClasses) throw FhirError.of(400, "value", `category must be one of ${Object.keys(CATEGORY_CLASSES).join(", ")}`);
  const count = Math.min(Number(params.get("_count") ?? 20) || 20, 100);
  const hits = await visibleRecords(profile, patient, { resourceType: type, recordClasses, ...dateRange(params), limit: count });
  return searchSet(await readAll(profile, patient, hits.map((h) => h.id)));
}

export async function everything(profile: Profile, patient: string): Promise<Bundle> {
  if (profile.role === "PATIENT") throw FhirError.of(403, "forbidden", "patients read their records in the browser, where their key is");
  if (!isPrecisionAddress(patient)) throw FhirError.of(400, "value", `${JSON.stringify(patient)} is not an account address`);
  const hits = await visibleRecords(profile, patient, { limit: 200 });
  const resources = await readAll(profile, patient, hits.map((h) => h.id));
  return { resourceType: "Bundle", type: "searchset", total: resources.length, entry: resources.map((resource) => ({ fullUrl: `${resource.resourceType}/${resource.id}`, resource })) };
}

/** Who may see a patient's grants and access log: the patient, and staff the patient granted. */
async function mayAudit(profile: Profile, patient: string): Promise<"all" | "mine"> {
  if (profile.chainAddress === patient) return "all";
  if (profile.role === "ADMIN") return "all";
  if (profile.role === "PATIENT") throw FhirError.of(403, "forbidden", "a patient sees only their own records' audit trail");
  return "mine";
}

const PURPOSE_DISPLAY: Record<string, string> = { TREAT: "treatment", ETREAT: "emergency treatment", HRESCH: "healthcare research", HPAYMT: "healthcare payment", HOPERAT: "healthcare operations", PATRQT: "patient requested" };
const purposeCoding = (code: string) => ({ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code, display: PURPOSE_DISPLAY[code] ?? code });

/** Grants as FHIR Consent (provision.actor = grantee, provision.purpose, provision.period). */
export async function consents(profile: Profile, patient: string): Promise<Consent[]> {
  const scope = await mayAudit(profile, patient);
  const orgs = profile.memberships.map((m) => m.organization.slug);
  const grants = await db().chainGrant.findMany({
    where: { patient, ...(scope === "mine" ? { OR: [{ grantee: profile.chainAddress ?? "" }, { granteeOrganizationId: { in: orgs } }] } : {}) },
    orderBy: { id: "desc" },
    take: 500,
  });
  const now = Date.now();
  return grants.map((g) => ({
    resourceType: "Consent",
    id: `grant-${g.id}`,
    status: g.revoked ? "inactive" : g.end.getTime() <= now ? "inactive" : "active",
    scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
    category: [{ coding: [{ system: "http://loinc.org", code: "59284-0", display: "Patient Consent" }] }],
    patient: { reference: `Patient/${g.patient}` },
    dateTime: g.createdTime.toISOString(),
    ...(g.kind !== "CONSENT" ? { extension: [{ url: "https://precision.health/fhir/StructureDefinition/grant-kind", valueCode: g.kind.toLowerCase().replace("_", "-") }] } : {}),
    provision: {
      type: "permit",
      period: { start: g.start.toISOString(), end: (g.revokedTime && g.revokedTime < g.end ? g.revokedTime : g.end).toISOString() },
      actor: [{ role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP" }] }, reference: g.grantee ? { reference: `Practitioner/${g.grantee}` } : { reference: `Organization/${g.granteeOrganizationId}` } }],
      purpose: [purposeCoding(g.purpose)],
      ...(g.scopeAll ? {} : { class: g.scopeClasses.map((c) => ({ system: "https://precision.health/fhir/CodeSystem/record-class", code: c.toLowerCase() })) }),
      ...(g.scopeRecordIds.length ? { data: g.scopeRecordIds.map((id) => ({ meaning: "instance" as const, reference: { reference: `Resource/${id}` } })) } : {}),
    },
  }));
}

/** The access log as FHIR AuditEvent (one per read the vault served). */
export async function auditEvents(profile: Profile, patient: string): Promise<AuditEvent[]> {
  const scope = await mayAudit(profile, patient);
  const entries = await db().chainAccessLogEntry.findMany({
    where: { patient, ...(scope === "mine" ? { reader: profile.chainAddress ?? "" } : {}) },
    orderBy: { id: "desc" },
    take: 500,
  });
  return entries.map((e) => ({
    resourceType: "AuditEvent",
    id: `access-${e.id}`,
    type: { system: "http://terminology.hl7.org/CodeSystem/audit-event-type", code: "rest", display: "RESTful Operation" },
    subtype: [{ system: "http://hl7.org/fhir/restful-interaction", code: "read", display: "read" }],
    action: "R",
    recorded: e.time.toISOString(),
    outcome: "0",
    purposeOfEvent: [{ coding: [purposeCoding(e.purpose)] }],
    agent: [{ who: { identifier: { system: "https://precision.health/account", value: e.reader } }, requestor: true, purposeOfUse: [{ coding: [purposeCoding(e.purpose)] }] }],
    source: { observer: { identifier: { system: "https://precision.health/account", value: e.vault }, display: "Precision record vault" } },
    entity: [
      { what: { reference: `Patient/${e.patient}` }, type: { system: "http://terminology.hl7.org/CodeSystem/audit-entity-type", code: "1", display: "Person" } },
      { what: { identifier: { system: "https://precision.health/record", value: e.recordId } }, type: { system: "http://terminology.hl7.org/CodeSystem/audit-entity-type", code: "2", display: "System Object" } },
    ],
  }));
}
