import "server-only";
import { db } from "./db.ts";
import type { Profile } from "./profile.ts";

export interface PatientWithAccess {
  readonly address: string;
  readonly name: string | null;
  readonly grants: { id: bigint; kind: string; purpose: string; scopeAll: boolean; scopeClasses: string[]; end: Date; grantee: string | null; granteeOrganizationId: string | null }[];
}

export interface CareAlert {
  readonly id: string;
  readonly patient: string;
  readonly patientName: string | null;
  readonly code: string;
  readonly deviceId: string;
  readonly time: Date;
  readonly grantId: bigint | null;
  readonly grantEnd: Date | null;
  readonly open: boolean;
}

function readerOf(profile: Profile): { reader: string; orgs: string[] } {
  return { reader: profile.chainAddress ?? "", orgs: profile.memberships.map((m) => m.organization.slug) };
}

/** Patients with a grant live now to the clinician or one of their organisations (indexed state). */
export async function patientsWithAccess(profile: Profile, search = ""): Promise<PatientWithAccess[]> {
  const { reader, orgs } = readerOf(profile);
  const now = new Date();
  const grants = await db().chainGrant.findMany({
    where: { revoked: false, start: { lte: now }, end: { gt: now }, OR: [{ grantee: reader }, { granteeOrganizationId: { in: orgs } }] },
    orderBy: { id: "desc" },
    take: 2000,
  });
  const addresses = [...new Set(grants.map((g) => g.patient))];
  const users = await db().user.findMany({ where: { chainAddress: { in: addresses } }, select: { chainAddress: true, name: true } });
  const names = new Map(users.map((u) => [u.chainAddress!, u.name]));
  const term = search.trim().toLowerCase();
  return addresses
    .map((address) => ({
      address,
      name: names.get(address) ?? null,
      grants: grants.filter((g) => g.patient === address).map((g) => ({ id: g.id, kind: g.kind, purpose: g.purpose, scopeAll: g.scopeAll, scopeClasses: g.scopeClasses, end: g.end, grantee: g.grantee, granteeOrganizationId: g.granteeOrganizationId })),
    }))
    .filter((p) => term === "" || p.address.includes(term) || (p.name ?? "").toLowerCase().includes(term))
    .sort((a, b) => (a.name ?? a.address).localeCompare(b.name ?? b.address));
}

/** Why the clinician can or cannot see a patient: their live grants, or the last one that ended. */
export async function accessTo(profile: Profile, patient: string) {
  const { reader, orgs } = readerOf(profile);
  const now = new Date();
  const grants = await db().chainGrant.findMany({
    where: { patient, OR: [{ grantee: reader }, { granteeOrganizationId: { in: orgs } }] },
    orderBy: { id: "desc" },
    take: 50,
  });
  const live = grants.filter((g) => !g.revoked && g.start <= now && g.end > now);
  const lastEnded = grants.find((g) => g.revoked || g.end <= now);
  const authored = await db().chainRecord.count({ where: { patient, authorOrganizationId: { in: orgs } } });
  return { live, lastEnded, authoredByMyOrganizations: authored };
}

/** Device alerts whose emergency grant names the clinician or their organisation, newest first. */
export async function alertsFor(profile: Profile, limit = 20): Promise<CareAlert[]> {
  const { reader, orgs } = readerOf(profile);
  const grants = await db().chainGrant.findMany({
    where: { kind: "EMERGENCY", OR: [{ grantee: reader }, { granteeOrganizationId: { in: orgs } }] },
    orderBy: { id: "desc" },
    take: 200,
    select: { id: true, alertId: true, end: true },
  });
  const byAlert = new Map(grants.filter((g) => g.alertId).map((g) => [g.alertId!, g]));
  if (byAlert.size === 0) return [];
  const alerts = await db().chainAlert.findMany({ where: { id: { in: [...byAlert.keys()] } }, orderBy: { height: "desc" }, take: limit });
  const users = await db().user.findMany({ where: { chainAddress: { in: alerts.map((a) => a.patient) } }, select: { chainAddress: true, name: true } });
  const names = new Map(users.map((u) => [u.chainAddress!, u.name]));
  const now = Date.now();
  return alerts.map((a) => {
    const grant = byAlert.get(a.id);
    return { id: a.id, patient: a.patient, patientName: names.get(a.patient) ?? null, code: a.code, deviceId: a.deviceId, time: a.time, grantId: grant?.id ?? null, grantEnd: grant?.end ?? null, open: grant !== undefined && grant.end.getTime() > now };
  });
}

/** Names of organisations by id, for record sources. */
export async function organizationNames(slugs: readonly string[]): Promise<Map<string, string>> {
  const rows = await db().organization.findMany({ where: { slug: { in: [...slugs] } }, select: { slug: true, name: true } });
  return new Map(rows.map((r) => [r.slug, r.name]));
}

export async function patientName(address: string): Promise<string | null> {
  return (await db().user.findUnique({ where: { chainAddress: address }, select: { name: true } }))?.name ?? null;
}
