import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, DescriptionList, PageHeader } from "@precision/ui";
import { isPrecisionAddress, isRecordId } from "@precision/client";
import { AREAS } from "@/lib/roles.ts";
import { FhirError } from "@/server/fhir/outcome.ts";
import { requireArea } from "@/server/guard.ts";
import { readRecord } from "@/server/records.ts";

export const metadata: Metadata = { title: "Record" };

function summary(resource: Record<string, unknown>): { key: string; term: string; detail: string }[] {
  const r = resource as { code?: { text?: string; coding?: { display?: string }[] }; type?: { text?: string }; valueQuantity?: { value?: number; unit?: string }; component?: { code: { text?: string }; valueQuantity?: { value?: number; unit?: string } }[]; effectiveDateTime?: string; status?: string; conclusion?: string; content?: { attachment?: { data?: string } }[]; medicationCodeableConcept?: { text?: string } };
  const rows: { key: string; term: string; detail: string }[] = [];
  const what = r.code?.text ?? r.code?.coding?.[0]?.display ?? r.type?.text ?? r.medicationCodeableConcept?.text;
  if (what) rows.push({ key: "what", term: "What", detail: what });
  if (r.valueQuantity?.value !== undefined) rows.push({ key: "value", term: "Value", detail: `${r.valueQuantity.value} ${r.valueQuantity.unit ?? ""}` });
  for (const c of r.component ?? []) if (c.valueQuantity?.value !== undefined) rows.push({ key: c.code.text ?? "c", term: c.code.text ?? "Component", detail: `${c.valueQuantity.value} ${c.valueQuantity.unit ?? ""}` });
  if (r.conclusion) rows.push({ key: "conclusion", term: "Conclusion", detail: r.conclusion });
  const note = r.content?.[0]?.attachment?.data;
  if (note) rows.push({ key: "note", term: "Text", detail: Buffer.from(note, "base64").toString("utf8") });
  if (r.effectiveDateTime) rows.push({ key: "when", term: "When", detail: r.effectiveDateTime });
  if (r.status) rows.push({ key: "status", term: "Status", detail: r.status });
  return rows;
}

export default async function Page({ params }: { params: Promise<{ address: string; id: string }> }) {
  const profile = await requireArea(AREAS.CLINICIAN);
  const { address, id } = await params;
  if (!isPrecisionAddress(address) || !isRecordId(id)) notFound();
  let resource: Record<string, unknown> | undefined;
  let denied: string | undefined;
  try {
    resource = (await readRecord(profile, id)) as unknown as Record<string, unknown>;
  } catch (err) {
    if (!(err instanceof FhirError)) throw err;
    if (err.status === 404) notFound();
    denied = err.message;
  }
  return (
    <>
      <PageHeader eyebrow="Record" title={resource ? String(resource.resourceType) : "Access denied"} description={`Record ${id}`} />
      <p className="mb-4">
        <Link href={`/clinician/patients/${address}`} className="text-brand-700 underline">
          Back to the timeline
        </Link>
      </p>
      {denied ? (
        <p role="alert" className="rounded-md bg-danger-bg p-3 text-sm text-danger-ink" data-testid="record-denied">
          {denied}
        </p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Summary" headingLevel={2}>
            <DescriptionList items={summary(resource!)} />
          </Card>
          <Card title="FHIR resource" headingLevel={2}>
            <pre className="max-h-[32rem] overflow-auto text-xs" data-testid="record-json">
              {JSON.stringify(resource, null, 2)}
            </pre>
          </Card>
        </div>
      )}
    </>
  );
}
