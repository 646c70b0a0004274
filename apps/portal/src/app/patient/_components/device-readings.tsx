"use client";

import { useEffect, useRef, useState } from "react";
import { recordsMessageComposer, unwrapKey, vaultLocator } from "@precision/client";
import { RecordClass } from "@precision/proto";
import type { PatientOverview } from "@/server/patient-overview.ts";
import type { Session } from "./browser-keys.ts";

/** Anchors per transaction: each is one small message; the block keeps them together. */
const PER_TX = 25;

const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const fromHex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));

/**
 * Readings the patient's wearable sent are stored encrypted to the patient and wait for them:
 * only the patient (or a treating organisation) may anchor a record. While the key is unlocked,
 * this anchors them, signed here, after checking each data key opens with the patient's key.
 */
export function DeviceReadings({ session, overview, refresh }: { session: Session; overview: PatientOverview; refresh: () => Promise<void> }) {
  const [status, setStatus] = useState<{ added?: number; error?: string }>({});
  const attempted = useRef(new Set<string>());
  const pendingIds = overview.pendingReadings.map((r) => r.id).join(",");

  useEffect(() => {
    const fresh = overview.pendingReadings.filter((r) => !attempted.current.has(r.id));
    if (fresh.length === 0) return;
    for (const r of fresh) attempted.current.add(r.id);
    void (async () => {
      try {
        const mine = [];
        for (const r of fresh) {
          // A key that does not open with the patient's key was not made for them: leave it.
          if (await unwrapKey(fromBase64(r.wrappedKey), session.key.privateKey).then(() => true, () => false)) mine.push(r);
        }
        let added = 0;
        for (let i = 0; i < mine.length; i += PER_TX) {
          const messages = mine.slice(i, i + PER_TX).map((r) => {
            const hash = fromHex(r.ciphertextSha256);
            return recordsMessageComposer.anchorRecord({
              author: session.key.address,
              id: r.id,
              patient: session.key.address,
              resourceType: r.resourceType,
              recordClass: RecordClass[`RECORD_CLASS_${r.recordClass}` as keyof typeof RecordClass] as RecordClass,
              ciphertextSha256: hash,
              ciphertextSize: BigInt(r.ciphertextSize),
              vaultLocator: vaultLocator(hash),
              keys: [{ recipient: session.key.address, wrappedKey: fromBase64(r.wrappedKey) }],
            });
          });
          const res = await session.inTurn(() => session.signer.signAndBroadcast(session.key.address, messages, "auto"));
          if (res.code !== 0) throw new Error(res.rawLog ?? `the network refused them (code ${res.code})`);
          added += messages.length;
        }
        setStatus({ added });
        await refresh();
      } catch (err) {
        setStatus({ error: `Could not add your wearable's readings: ${(err as Error).message}` });
      }
    })();
    // pendingIds stands for the list's content; the list object is new on every poll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pendingIds, session]);

  if (status.error) {
    return (
      <p role="alert" className="rounded-md bg-danger-bg p-3 text-sm text-danger-ink" data-testid="readings-status">
        {status.error}
      </p>
    );
  }
  if (status.added) {
    return (
      <p role="status" className="rounded-md bg-success-bg p-3 text-sm text-success-ink" data-testid="readings-status">
        {`Added ${status.added} ${status.added === 1 ? "reading" : "readings"} from your wearable to your record.`}
      </p>
    );
  }
  return overview.pendingReadings.length > 0 ? (
    <p role="status" className="text-sm text-slate-600" data-testid="readings-status">
      {`Adding ${overview.pendingReadings.length} ${overview.pendingReadings.length === 1 ? "reading" : "readings"} from your wearable…`}
    </p>
  ) : null;
}
