import "server-only";
import { db } from "./db.ts";
import type { Profile } from "./profile.ts";

const iso = (d: Date | null) => d?.toISOString() ?? null;

interface PendingReadingRow {
  readonly id: string;
  readonly resourceType: string;
  readonly recordClass: string;
  readonly ciphertextSha256: string;
  readonly ciphertextSize: number;
  readonly wrappedKey: string;
  readonly observedAt: Date;
}

/** Everything the patient's own area shows, from the indexed chain state and the directory. */
export async function patientOverview(profile: Profile) {
  const address = profile.chainAddress;
  const allOrganizations = await db().organization.findMany({ select: { slug: true, name: true, type: true, encryptionPublicKey: true }, orderBy: { name: "asc" } });
  // The ones a patient shares with: those that hold clinical data.
  const organizations = allOrganizations.filter((o) => ["PROVIDER", "LAB", "PHARMACY"].includes(o.type));
  // Every organisation's public encryption key, to wrap data keys to whichever one a grant names.
  const organizationKeys = Object.fromEntries(allOrganizations.filter((o) => o.encryptionPublicKey).map((o) => [o.slug, o.encryptionPublicKey!]));
  if (!address) return { address: null, records: [], grants: [], rules: [], accessLog: [], alerts: [], pendingReadings: [], organizations, organizationKeys };
  const [records, grants, rules, entries, alerts, readings] = await Promise.all([
    db().chainRecord.findMany({ where: { patient: address }, orderBy: [{ time: "desc" }, { id: "asc" }], take: 1000 }),
    db().chainGrant.findMany({ where: { patient: address }, orderBy: { id: "desc" }, take: 500 }),
    db().chainEmergencyRule.findMany({ where: { patient: address }, orderBy: { id: "desc" } }),
    db().chainAccessLogEntry.findMany({ where: { patient: address }, orderBy: { id: "desc" }, take: 500 }),
    db().chainAlert.findMany({ where: { patient: address }, orderBy: { height: "desc" }, take: 50 }),
    // Readings the patient's wearable sent that are not anchored yet (no ChainRecord with their id).
    db().$queryRaw<PendingReadingRow[]>`
      SELECT d."id", d."resourceType", d."recordClass", d."ciphertextSha256", d."ciphertextSize", d."wrappedKey", d."observedAt"
        FROM "DeviceReading" d
       WHERE d."patient" = ${address} AND NOT EXISTS (SELECT 1 FROM "ChainRecord" r WHERE r."id" = d."id")
       ORDER BY d."observedAt", d."id"
       LIMIT 100`,
  ]);
  const people = await db().user.findMany({
    where: { chainAddress: { in: [...new Set([...entries.map((e) => e.reader), ...grants.map((g) => g.grantee ?? ""), ...grants.map((g) => g.createdBy)])] } },
    select: { chainAddress: true, name: true, memberships: { select: { title: true, organization: { select: { name: true } } } } },
  });
  const who = new Map(people.map((p) => [p.chainAddress!, p.chainAddress === address ? "You" : `${p.name}${p.memberships[0] ? `, ${p.memberships[0].title}, ${p.memberships[0].organization.name}` : ""}`]));
  const orgName = new Map(allOrganizations.map((o) => [o.slug, o.name]));
  return {
    address,
    organizations,
    organizationKeys,
    records: records.map((r) => ({ id: r.id, resourceType: r.resourceType, recordClass: r.recordClass, source: r.authorOrganizationId ? (orgName.get(r.authorOrganizationId) ?? r.authorOrganizationId) : "You (your device)", time: r.time.toISOString(), supersededBy: r.supersededBy })),
    grants: grants.map((g) => ({
      id: g.id.toString(),
      kind: g.kind,
      purpose: g.purpose,
      to: g.grantee ? (who.get(g.grantee) ?? g.grantee) : (orgName.get(g.granteeOrganizationId ?? "") ?? g.granteeOrganizationId),
      grantee: g.grantee,
      granteeOrganizationId: g.granteeOrganizationId,
      scopeAll: g.scopeAll,
      scopeClasses: g.scopeClasses,
      start: g.start.toISOString(),
      end: g.end.toISOString(),
      revoked: g.revoked,
      revokedTime: iso(g.revokedTime),
      reason: g.reason,
      by: who.get(g.createdBy) ?? g.createdBy,
      live: !g.revoked && g.start.getTime() <= Date.now() && g.end.getTime() > Date.now(),
    })),
    rules: rules.map((r) => ({ id: r.id.toString(), triggerCode: r.triggerCode, to: orgName.get(r.granteeOrganizationId ?? "") ?? r.grantee, grantee: r.grantee, granteeOrganizationId: r.granteeOrganizationId, classes: r.classes, lookBackSeconds: Number(r.lookBackSeconds), durationSeconds: Number(r.durationSeconds), active: r.active })),
    accessLog: entries.map((e) => ({ id: e.id.toString(), reader: who.get(e.reader) ?? e.reader, recordId: e.recordId, purpose: e.purpose, grantId: e.grantId.toString(), time: e.time.toISOString() })),
    alerts: alerts.map((a) => ({ id: a.id, code: a.code, time: a.time.toISOString(), grants: a.grantIds.map(String) })),
    pendingReadings: readings.map((r) => ({ ...r, observedAt: r.observedAt.toISOString() })),
  };
}

export type PatientOverview = Awaited<ReturnType<typeof patientOverview>>;
