"use client";

import { useEffect, useRef, useState } from "react";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { accessMessageComposer, recordsMessageComposer, rewrapKey, unwrapKey, vaultLocator } from "@precision/client";
import { RecordClass } from "@precision/proto";
import type { PatientOverview } from "@/server/patient-overview.ts";
import type { Session } from "./browser-keys.ts";
import { fromBase64, fromHex, granteePublicKey } from "./shared.ts";

/** Anchors per transaction: each is one small message; the block keeps them together. */
const PER_TX = 25;

type Reading = PatientOverview["pendingReadings"][number];

/** Whoever a grant or a rule names: the public key to wrap data keys to, looked up once per batch run. */
function recipientKeys(session: Session, overview: PatientOverview) {
  const known = new Map<string, Promise<Uint8Array | undefined>>();
  return (grantee: string | null, organizationId: string | null): Promise<Uint8Array | undefined> => {
    const id = organizationId || grantee || "";
    let pending = known.get(id);
    if (!pending) {
      pending = granteePublicKey(session, overview, organizationId ? null : grantee, organizationId).catch(() => undefined);
      known.set(id, pending);
    }
    return pending;
  };
}

/**
 * The keys of new readings for those the patient already chose: each live consent or emergency
 * grant, and each active emergency rule, whose classes cover them (a break-glass grant gets none
 * from here: the patient did not choose that reader).
 */
async function shareMessages(session: Session, overview: PatientOverview, readings: readonly Reading[], keyOf: ReturnType<typeof recipientKeys>): Promise<EncodeObject[]> {
  const patient = session.key.address;
  const targets = [
    ...overview.grants.filter((g) => g.live && g.kind !== "BREAK_GLASS").map((g) => ({ kind: "grant" as const, id: g.id, all: g.scopeAll, classes: g.scopeClasses, grantee: g.grantee, organizationId: g.granteeOrganizationId })),
    ...overview.rules.filter((r) => r.active).map((r) => ({ kind: "rule" as const, id: r.id, all: r.classes.length === 0, classes: r.classes, grantee: r.grantee, organizationId: r.granteeOrganizationId })),
  ];
  const out: EncodeObject[] = [];
  for (const t of targets) {
    const covered = readings.filter((r) => t.all || t.classes.includes(r.recordClass));
    const recipient = covered.length > 0 ? await keyOf(t.grantee, t.organizationId) : undefined;
    if (!recipient) continue;
    const keys = await Promise.all(covered.map(async (r) => ({ recordId: r.id, wrappedKey: await rewrapKey(fromBase64(r.wrappedKey), session.key.privateKey, recipient) })));
    out.push(
      t.kind === "grant"
        ? accessMessageComposer.addGrantKeys({ patient, grantId: BigInt(t.id), keys })
        : accessMessageComposer.addEmergencyRuleKeys({ patient, ruleId: BigInt(t.id), keys }),
    );
  }
  return out;
}

/**
 * Readings the patient's wearable sent are stored encrypted to the patient and wait for them:
 * only the patient (or a treating organisation) may anchor a record. While the key is unlocked,
 * this anchors them, signed here, after checking each data key opens with the patient's key, and
 * in the same transaction shares their keys with the grants and rules that cover them.
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
        const keyOf = recipientKeys(session, overview);
        for (let i = 0; i < mine.length; i += PER_TX) {
          const batch = mine.slice(i, i + PER_TX);
          const anchors = batch.map((r) => {
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
          const send = (messages: EncodeObject[]) => session.inTurn(() => session.signer.signAndBroadcast(session.key.address, messages, "auto"));
          const sharing = await shareMessages(session, overview, batch, keyOf);
          // A grant that ended since the last refresh fails the sharing, never the readings: retry them alone.
          let res = await send([...anchors, ...sharing]).catch(() => undefined);
          if (!res || (res.code !== 0 && sharing.length > 0)) res = await send(anchors);
          if (res.code !== 0) throw new Error(res.rawLog ?? `the network refused them (code ${res.code})`);
          added += anchors.length;
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
