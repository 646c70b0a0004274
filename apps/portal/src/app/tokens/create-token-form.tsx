"use client";

import { useActionState } from "react";
import { createToken } from "@/server/token-actions.ts";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createToken, {});
  return (
    <form action={action} className="space-y-3">
      <label htmlFor="token-name" className="block text-sm font-medium">
        Name
      </label>
      <input id="token-name" name="name" required maxLength={64} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" placeholder="e.g. EHR integration" />
      <label htmlFor="token-days" className="block text-sm font-medium">
        Lasts
      </label>
      <select id="token-days" name="days" defaultValue="30" className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
        <option value="7">7 days</option>
        <option value="30">30 days</option>
        <option value="90">90 days</option>
      </select>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        Create token
      </button>
      {state.error ? <p role="alert" className="text-sm text-danger-ink">{state.error}</p> : null}
      {state.token ? (
        <div role="status" className="rounded-md border border-warning-ink bg-warning-bg p-3">
          <p className="text-sm font-medium">Copy this token now: it is shown once.</p>
          <code className="mt-1 block break-all text-sm" data-testid="new-token">{state.token}</code>
        </div>
      ) : null}
    </form>
  );
}
