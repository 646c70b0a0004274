"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Badge, EmptyState } from "@precision/ui";
import { ALERT_LABELS, formatUtc } from "./format.ts";

export interface InboxAlert {
  id: string;
  patient: string;
  patientName: string | null;
  code: string;
  time: string;
  grantId: string | null;
  grantEnd: string | null;
  /** Whether the emergency window is still open (decided by the server's clock). */
  open: boolean;
}

/** The alerts inbox, refreshed every few seconds without a reload. */
export function AlertsInbox({ initial }: { initial: InboxAlert[] }) {
  const [alerts, setAlerts] = useState(initial);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const res = await fetch("/api/clinician/alerts", { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { alerts: InboxAlert[] };
        if (!stopped) {
          setAlerts(body.alerts);
          setOffline(false);
        }
      } catch {
        if (!stopped) setOffline(true);
      }
    };
    const timer = setInterval(tick, 2_500);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return (
    <div aria-live="polite" data-testid="alerts-inbox">
      {offline ? <p className="mb-2 text-sm text-amber-700">Reconnecting…</p> : null}
      {alerts.length === 0 ? (
        <EmptyState title="No alerts" description="Alerts from your patients' wearables appear here as they happen." />
      ) : (
        <ul className="space-y-3">
          {alerts.map((a) => {
            const open = a.open;
            return (
              <li key={a.id} className="rounded-md border border-slate-200 p-3" data-testid="alert-item">
                <p className="font-medium">{ALERT_LABELS[a.code] ?? a.code}</p>
                <p className="text-sm text-slate-600">
                  <Link href={`/clinician/patients/${a.patient}`} className="text-brand-700 underline">
                    {a.patientName ?? a.patient}
                  </Link>{" "}
                  · {formatUtc(a.time)}
                </p>
                <Badge tone={open ? "warning" : "neutral"}>{open ? `Emergency access until ${formatUtc(a.grantEnd!)}` : "Emergency access closed"}</Badge>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
