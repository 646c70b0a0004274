import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, DataTable, PageHeader } from "@precision/ui";
import { AREAS } from "@/lib/roles.ts";
import { alertsFor, patientsWithAccess } from "@/server/care.ts";
import { requireArea } from "@/server/guard.ts";
import { AlertsInbox } from "./_components/alerts-inbox.tsx";
import { formatUtc, scopeLabel } from "./_components/format.ts";

export const metadata: Metadata = { title: "Clinician" };

export default async function Page({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const profile = await requireArea(AREAS.CLINICIAN);
  const q = ((await searchParams).q ?? "").slice(0, 100);
  const [patients, alerts] = await Promise.all([patientsWithAccess(profile, q), alertsFor(profile)]);
  return (
    <>
      <PageHeader eyebrow="Clinician" title={`Welcome, ${profile.name}`} description="Patients who have granted you or your organisation access, and the alerts their devices raised for you." />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="Patients who granted you access" headingLevel={2}>
            <form role="search" className="mb-4 flex gap-2" action="/clinician">
              <label htmlFor="patient-search" className="sr-only">
                Search patients
              </label>
              <input id="patient-search" name="q" defaultValue={q} placeholder="Name or account address" className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
              <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">
                Search
              </button>
            </form>
            <DataTable
              caption="Patients with a live grant to you or your organisation"
              rows={patients}
              rowKey={(p) => p.address}
              empty={{ title: q ? "No patient matches" : "No patient has granted you access", description: q ? "Try another name or address." : "Patients grant access from their own area; break-glass is on each patient's page." }}
              columns={[
                {
                  id: "name",
                  header: "Patient",
                  rowHeader: true,
                  cell: (p) => (
                    <Link href={`/clinician/patients/${p.address}`} className="text-brand-700 underline" data-testid="patient-link">
                      {p.name ?? p.address}
                    </Link>
                  ),
                },
                { id: "scope", header: "Access", cell: (p) => p.grants.map((g) => <Badge key={String(g.id)} tone={g.kind === "CONSENT" ? "info" : "warning"}>{`${g.purpose} · ${scopeLabel(g)}`}</Badge>) },
                { id: "until", header: "Until", cell: (p) => formatUtc(p.grants.reduce((d, g) => (g.end > d ? g.end : d), p.grants[0]!.end)) },
              ]}
            />
          </Card>
        </div>
        <Card title="Alerts" headingLevel={2}>
          <AlertsInbox initial={alerts.map((a) => ({ ...a, time: a.time.toISOString(), grantId: a.grantId?.toString() ?? null, grantEnd: a.grantEnd?.toISOString() ?? null }))} />
        </Card>
      </div>
    </>
  );
}
