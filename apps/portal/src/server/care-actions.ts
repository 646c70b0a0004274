"use server";

import "server-only";
import { redirect } from "next/navigation";
import { accessMessageComposer, BREAK_GLASS_REASONS, deliverTxError, isPrecisionAddress } from "@precision/client";
import { AREAS } from "@/lib/roles.ts";
import { staffSigner } from "./custody.ts";
import { FhirError } from "./fhir/outcome.ts";
import { requireArea } from "./guard.ts";
import { createRecord } from "./records.ts";
import { broadcastAs } from "./tx-signer.ts";

export interface ActionState {
  readonly ok?: string;
  readonly error?: string;
}

function failure(err: unknown): ActionState {
  if (err instanceof FhirError) return { error: err.message };
  return { error: "The request failed; try again." };
}

/** Break-glass: ETREAT access to all of the patient's records for the chain's fixed window. */
export async function breakGlass(_state: ActionState, form: FormData): Promise<ActionState> {
  const profile = await requireArea(AREAS.CLINICIAN);
  const patient = String(form.get("patient") ?? "");
  const reason = String(form.get("reason") ?? "");
  if (!isPrecisionAddress(patient)) return { error: "Unknown patient." };
  if (!(BREAK_GLASS_REASONS as readonly string[]).includes(reason)) return { error: "Choose the reason for breaking the glass." };
  const provider = profile.memberships.find((m) => m.organization.type === "PROVIDER");
  if (!provider) return { error: "Only clinicians of a provider can break the glass." };
  try {
    const signer = await staffSigner(profile.id);
    const result = await broadcastAs(signer.mnemonic, [accessMessageComposer.breakGlass({ clinician: signer.key.address, organizationId: provider.organization.slug, patient, reason })]);
    const failed = deliverTxError(result);
    if (failed) return { error: failed.message };
  } catch (err) {
    return failure(err);
  }
  redirect(`/clinician/patients/${patient}?glass=broken`);
}

const VITALS = {
  "heart-rate": { code: "8867-4", display: "Heart rate", unit: "/min", min: 20, max: 300 },
  "body-weight": { code: "29463-7", display: "Body weight", unit: "kg", min: 0.5, max: 500 },
  "body-temperature": { code: "8310-5", display: "Body temperature", unit: "Cel", min: 25, max: 45 },
} as const;

/** Adds a vital-sign observation or a clinical note to the patient's record, through the FHIR pipeline. */
export async function addToRecord(_state: ActionState, form: FormData): Promise<ActionState> {
  const profile = await requireArea(AREAS.CLINICIAN);
  const patient = String(form.get("patient") ?? "");
  const kind = String(form.get("kind") ?? "");
  if (!isPrecisionAddress(patient)) return { error: "Unknown patient." };
  const subject = { reference: `Patient/${patient}` };
  let resource: Record<string, unknown>;
  if (kind === "note") {
    const text = String(form.get("note") ?? "").trim();
    if (text.length < 3 || text.length > 10_000) return { error: "A note is 3 to 10,000 characters." };
    resource = {
      resourceType: "DocumentReference",
      status: "current",
      type: { coding: [{ system: "http://loinc.org", code: "11506-3", display: "Progress note" }] },
      subject,
      date: new Date().toISOString(),
      content: [{ attachment: { contentType: "text/plain", title: "Progress note", data: Buffer.from(text).toString("base64") } }],
    };
  } else if (kind in VITALS) {
    const spec = VITALS[kind as keyof typeof VITALS];
    const value = Number(form.get("value"));
    if (!Number.isFinite(value) || value < spec.min || value > spec.max) return { error: `${spec.display} must be a number from ${spec.min} to ${spec.max} ${spec.unit}.` };
    resource = {
      resourceType: "Observation",
      status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }],
      code: { coding: [{ system: "http://loinc.org", code: spec.code, display: spec.display }] },
      subject,
      effectiveDateTime: new Date().toISOString(),
      valueQuantity: { value, unit: spec.unit, system: "http://unitsofmeasure.org", code: spec.unit },
    };
  } else {
    return { error: "Choose what to add." };
  }
  try {
    const created = await createRecord(profile, resource as never);
    return { ok: `Added to the record (${created.id}).` };
  } catch (err) {
    return failure(err);
  }
}
