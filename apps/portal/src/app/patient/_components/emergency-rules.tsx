"use client";

import { useState } from "react";
import { Card } from "@precision/ui";
import { accessMessageComposer, grantKeysFor } from "@precision/client";
import { RecordClass } from "@precision/proto";
import type { PatientOverview } from "@/server/patient-overview.ts";
import type { Session } from "./browser-keys.ts";
import { ClassPicker, SelectField } from "./fields.tsx";
import { button, granteePublicKey, input, KEYS_PER_MESSAGE, label, recordsInScope, TRIGGERS } from "./shared.ts";

const HOUR = 3_600;
const DAY = 86_400;
const LOOK_BACKS: [number, string][] = [
  [DAY, "the last day"],
  [7 * DAY, "the last 7 days"],
  [30 * DAY, "the last 30 days"],
  [90 * DAY, "the last 90 days"],
  [365 * DAY, "the last year"],
];
const WINDOWS: [number, string][] = [
  [HOUR, "1 hour"],
  [4 * HOUR, "4 hours"],
  [DAY, "24 hours"],
  [3 * DAY, "72 hours"],
  [7 * DAY, "7 days"],
];

const spanLabel = (seconds: number, options: [number, string][]) => options.find(([s]) => s === seconds)?.[1] ?? `${Math.round(seconds / HOUR)} hours`;
const triggerLabel = (code: string) => TRIGGERS.find(([c]) => c === code)?.[1] ?? code;

type Act = (what: string, run: () => Promise<{ code: number; rawLog?: string }>) => Promise<void>;

/**
 * Rules the patient sets in advance: which wearable alert opens a time-boxed emergency grant, to
 * whom, over which data and how far back. The data keys of the records in reach now are wrapped to
 * the grantee in this browser and escrowed with the rule; records written later by an
 * organisation are released to the opened grant by that organisation.
 */
export function EmergencyRules({ session, overview, busy, act }: { session: Session; overview: PatientOverview; busy: boolean; act: Act }) {
  const [trigger, setTrigger] = useState(TRIGGERS[0]![0]);
  const [to, setTo] = useState(overview.organizations[0]?.slug ?? "");
  const [person, setPerson] = useState("");
  const [classes, setClasses] = useState<string[]>(["VITALS"]);
  const [lookBack, setLookBack] = useState(30 * DAY);
  const [duration, setDuration] = useState(3 * DAY);
  const active = overview.rules.filter((r) => r.active);

  async function save() {
    await act("Emergency rule saved.", async () => {
      const recipient = await granteePublicKey(session, overview, person, to);
      // Only records that can still be in reach when the alert comes: newest first, within the look-back.
      const since = BigInt(Math.floor(Date.now() / 1000) - lookBack);
      const inReach = (await recordsInScope(session, classes))
        .filter((r) => (r.time?.seconds ?? 0n) >= since)
        .sort((a, b) => Number((b.time?.seconds ?? 0n) - (a.time?.seconds ?? 0n)))
        .slice(0, KEYS_PER_MESSAGE);
      const keys = await grantKeysFor(inReach, session.key.address, session.key.privateKey, recipient);
      const msg = accessMessageComposer.setEmergencyRule({
        patient: session.key.address,
        triggerCode: trigger,
        ...(person.trim() ? { grantee: person.trim() } : { granteeOrganizationId: to }),
        classes: classes.map((c) => RecordClass[`RECORD_CLASS_${c}` as keyof typeof RecordClass] as RecordClass),
        lookBackSeconds: BigInt(lookBack),
        durationSeconds: BigInt(duration),
        keys,
      });
      return session.signer.signAndBroadcast(session.key.address, [msg], "auto");
    });
  }

  return (
    <Card title="Emergency rules" headingLevel={2}>
      <form
        className="space-y-3"
        aria-label="New emergency rule"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <SelectField id="rule-trigger" title="When my wearable detects" value={trigger} options={TRIGGERS} onChange={setTrigger} />
        <SelectField id="rule-org" title="Give access to" value={to} options={overview.organizations.map((o) => [o.slug, o.name] as const)} onChange={setTo} disabled={person !== ""} />
        <label htmlFor="rule-person" className="block text-sm font-medium">
          Or a person, by account address
        </label>
        <input id="rule-person" className={input} value={person} onChange={(e) => setPerson(e.target.value)} placeholder="prec1…" />
        <ClassPicker legend="To read (none ticked: all my data)" name="rule-class" value={classes} onChange={setClasses} />
        <SelectField id="rule-look-back" title="From" value={lookBack} options={LOOK_BACKS} onChange={setLookBack} />
        <SelectField id="rule-duration" title="For" value={duration} options={WINDOWS} onChange={setDuration} />
        <button type="submit" className={button} disabled={busy || active.length >= 16}>
          {busy ? "Signing…" : "Save rule"}
        </button>
        {active.length >= 16 ? <p className="text-sm text-slate-600">You have 16 active rules, the most the network keeps. Remove one first.</p> : null}
      </form>
      <ul className="mt-4 space-y-2 text-sm" data-testid="rule-list">
        {overview.rules.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-2" data-rule={r.id}>
            <span className={r.active ? "" : "text-slate-500 line-through"}>
              {triggerLabel(r.triggerCode)} → <strong>{r.to}</strong> reads {r.classes.length === 0 ? "all data" : r.classes.map(label).join(", ")} from {spanLabel(r.lookBackSeconds, LOOK_BACKS)} for {spanLabel(r.durationSeconds, WINDOWS)}
            </span>
            {r.active ? (
              <button
                type="button"
                className="rounded-md border border-danger-ink px-3 py-1 text-danger-ink"
                disabled={busy}
                onClick={() => void act("Emergency rule removed.", () => session.signer.signAndBroadcast(session.key.address, [accessMessageComposer.removeEmergencyRule({ patient: session.key.address, ruleId: BigInt(r.id) })], "auto"))}
              >
                Remove
              </button>
            ) : (
              <span className="text-slate-500">removed</span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
