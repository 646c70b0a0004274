import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Badge, Card, DataTable, EmptyState, PageHeader } from "@precision/ui";
import { isPrecisionAddress } from "@precision/client";
import { AREAS } from "@/lib/roles.ts";
import { accessTo, organizationNames, patientName } from "@/server/care.ts";
import { requireArea } from "@/server/guard.ts";
import type { Profile } from "@/server/profile.ts";
import { releaseMissingKeys } from "@/server/key-release.ts";
import { readRecord, visibleRecords } from "@/server/records.ts";
import { AddToRecordForm, BreakGlassForm } from "../../_components/care-forms.tsx";
import { classLabel, formatDay, formatUtc, scopeLabel } from "../../_components/format.ts";
import { VitalsChart, vitalSeries } from "../../_components/vitals-chart.tsx";

export const metadata: Metadata = { title: "Patient timeline" };

const CLASS_TONE: Record<string, "info" | "success" | "warning" | "neutral" | "danger"> = { VITALS: "info", LABS: "success", IMAGING: "warning", NOTES: "neutral", GENOMICS: "danger" };

/** The latest vital signs, decrypted through the vault (each read is logged for the patient). */
async function Vitals({ profile, patient }: { profile: Profile; patient: string }) {
  const [recent] = await Promise.all([visibleRecords(profile, patient, { recordClasses: ["VITALS"], limit: 12 }), releaseMissingKeys(profile, patient)]);
  const resources = (await Promise.all(recent.map((r) => readRecord(profile, r.id).catch(() => undefined)))).filter((r) => r !== undefined);
  return <VitalsChart series={vitalSeries(resources)} />;
}

export default async function Page({ params, searchParams }: { params: Promise<{ address: string }>; searchParams: Promise<{ glass?: string }> }) {
  const profile = await requireArea(AREAS.CLINICIAN);
  const { address } = await params;
  if (!isPrecisionAddress(address)) notFound();
  const [name, access, records] = await Promise.all([patientName(address), accessTo(profile, address), visibleRecords(profile, address, { limit: 500 })]);
  const orgNames = await organizationNames([...new Set(records.map((r) => r.authorOrganizationId).filter((o): o is string => o !== null))]);
  const glassBroken = (await searchParams).glass === "broken";
  const hasLiveGrant = access.live.length > 0;
  return (
    <>
      <PageHeader eyebrow="Patient" title={name ?? address} description={`Account ${address}`} />
      {glassBroken ? (
        <p role="status" className="mb-4 rounded-md bg-warning-bg p-3 text-sm text-warning-ink" data-testid="glass-broken">
          You broke the glass. The patient has been told, and your emergency access ends automatically.
        </p>
      ) : null}
      <section aria-label="Your access" className="mb-6" data-testid="access-banner">
        {hasLiveGrant ? (
          <div className="flex flex-wrap gap-2">
            {access.live.map((g) => (
              <Badge key={String(g.id)} tone={g.kind === "CONSENT" ? "info" : "warning"}>
                {`${g.kind === "BREAK_GLASS" ? "Break-glass" : g.kind === "EMERGENCY" ? "Emergency" : "Consent"} · ${g.purpose} · ${scopeLabel(g)} · until ${formatUtc(g.end)}`}
              </Badge>
            ))}
          </div>
        ) : (
          <p role="alert" className="rounded-md bg-danger-bg p-3 text-sm text-danger-ink" data-testid="no-access">
            {access.lastEnded
              ? access.lastEnded.revoked
                ? `The patient revoked your access on ${formatUtc(access.lastEnded.revokedTime ?? access.lastEnded.end)}.`
                : `Your access ended on ${formatUtc(access.lastEnded.end)}.`
              : "This patient has not granted you access."}
            {access.authoredByMyOrganizations > 0 ? " You still see the records your organisation wrote." : ""}
          </p>
        )}
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Timeline" headingLevel={2}>
            <DataTable
              caption="Records you may read, newest first, from every organisation that holds data"
              rows={records}
              rowKey={(r) => r.id}
              empty={{ title: "No records you may read" }}
              columns={[
                { id: "date", header: "Date", rowHeader: true, cell: (r) => formatDay(r.time) },
                { id: "class", header: "Class", cell: (r) => <Badge tone={CLASS_TONE[r.recordClass] ?? "neutral"}>{classLabel(r.recordClass)}</Badge> },
                {
                  id: "type",
                  header: "Record",
                  cell: (r) => (
                    <Link href={`/clinician/patients/${address}/records/${r.id}`} className="text-brand-700 underline" data-testid="record-link" data-record={r.id}>
                      {r.resourceType}
                    </Link>
                  ),
                },
                { id: "source", header: "From", cell: (r) => (r.authorOrganizationId ? (orgNames.get(r.authorOrganizationId) ?? r.authorOrganizationId) : "The patient's device") },
              ]}
            />
          </Card>
          {records.length > 0 ? (
            <Card title="Vital signs" headingLevel={2}>
              <Suspense fallback={<p className="text-sm text-slate-600">Decrypting the latest vital signs…</p>}>
                <Vitals profile={profile} patient={address} />
              </Suspense>
            </Card>
          ) : null}
        </div>
        <div className="space-y-6">
          {hasLiveGrant || access.authoredByMyOrganizations > 0 ? (
            <Card title="Add to the record" headingLevel={2}>
              <AddToRecordForm patient={address} />
            </Card>
          ) : null}
          {!hasLiveGrant ? (
            <Card title="Emergency access" headingLevel={2}>
              <h3 id="break-glass-heading" className="sr-only">
                Break the glass
              </h3>
              <BreakGlassForm patient={address} />
            </Card>
          ) : records.length === 0 ? (
            <EmptyState title="Nothing shared yet" description="The patient's grant covers no records yet." />
          ) : null}
        </div>
      </div>
    </>
  );
}
