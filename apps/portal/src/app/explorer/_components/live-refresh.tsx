"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/**
 * Re-renders the page (server components read Postgres again) whenever the indexer has written a
 * new block. Polls a tiny endpoint rather than holding a socket per tab.
 */
export function LiveRefresh({ height, intervalMs = 1000 }: { height: string | undefined; intervalMs?: number }) {
  const router = useRouter();
  const seen = useRef(height);
  const [state, setState] = useState<"live" | "offline">("live");
  useEffect(() => {
    seen.current = height;
  }, [height]);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const res = await fetch("/api/explorer/head", { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { height: string | null };
        setState("live");
        if (!stopped && body.height !== null && body.height !== seen.current) {
          seen.current = body.height;
          router.refresh();
        }
      } catch {
        setState("offline");
      }
    };
    const timer = setInterval(tick, intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [router, intervalMs]);
  return (
    <p className="text-sm text-ink-muted" aria-live="polite" data-testid="live-state">
      {state === "live" ? `Live · indexed to block ${height ?? "—"}` : "Updates paused: the portal cannot reach the index"}
    </p>
  );
}
