"use client";

import { useActionState } from "react";
import { addToRecord, breakGlass, type ActionState } from "@/server/care-actions.ts";

const REASONS: [string, string][] = [
  ["patient-unresponsive", "Patient unresponsive"],
  ["life-threatening-emergency", "Life-threatening emergency"],
  ["consent-unobtainable", "Consent cannot be obtained in time"],
  ["urgent-continuity-of-care", "Urgent continuity of care"],
];

function Status({ state }: { state: ActionState }) {
  if (state.error) return <p role="alert" className="mt-2 text-sm text-danger-ink" data-testid="form-error">{state.error}</p>;
  if (state.ok) return <p role="status" className="mt-2 text-sm text-success-ink" data-testid="form-ok">{state.ok}</p>;
  return null;
}

export function BreakGlassForm({ patient }: { patient: string }) {
  const [state, action, pending] = useActionState(breakGlass, {});
  return (
    <form action={action} className="space-y-3" aria-labelledby="break-glass-heading">
      <input type="hidden" name="patient" value={patient} />
      <p className="text-sm text-slate-700">
        Break-glass opens emergency access to all of this patient&apos;s records for a short, fixed window. It is recorded on the network and the patient is told at once.
      </p>
      <label className="block text-sm font-medium" htmlFor="reason">
        Reason
      </label>
      <select id="reason" name="reason" required defaultValue="" className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
        <option value="" disabled>
          Choose a reason
        </option>
        {REASONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="rounded-md bg-danger-ink px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {pending ? "Breaking the glass…" : "Break the glass"}
      </button>
      <Status state={state} />
    </form>
  );
}

export function AddToRecordForm({ patient }: { patient: string }) {
  const [state, action, pending] = useActionState(addToRecord, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="patient" value={patient} />
      <label className="block text-sm font-medium" htmlFor="kind">
        What to add
      </label>
      <select id="kind" name="kind" defaultValue="heart-rate" className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
        <option value="heart-rate">Heart rate (/min)</option>
        <option value="body-weight">Body weight (kg)</option>
        <option value="body-temperature">Body temperature (°C)</option>
        <option value="note">Progress note</option>
      </select>
      <label className="block text-sm font-medium" htmlFor="value">
        Value (for a measurement)
      </label>
      <input id="value" name="value" inputMode="decimal" className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      <label className="block text-sm font-medium" htmlFor="note">
        Note (for a progress note)
      </label>
      <textarea id="note" name="note" rows={3} maxLength={10_000} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {pending ? "Encrypting and anchoring…" : "Add to the record"}
      </button>
      <Status state={state} />
    </form>
  );
}
