"use client";

import { secp256k1 } from "@noble/curves/secp256k1.js";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Badge, Card, EmptyState } from "@precision/ui";
import { accessMessageComposer, generateMnemonic, grantKeysFor, type AccountKey } from "@precision/client";
import { Purpose, RecordClass } from "@precision/proto";
import { registrationMessage } from "@/lib/key-registration.ts";
import type { PatientOverview } from "@/server/patient-overview.ts";
import { DeviceReadings } from "./device-readings.tsx";
import { EmergencyRules } from "./emergency-rules.tsx";
import { ClassPicker, SelectField } from "./fields.tsx";
import { button, granteePublicKey, input, KEYS_PER_MESSAGE, label, PURPOSES, recordsInScope } from "./shared.ts";
import { describeResource, forgetKeystore, loadKeystore, openSession, readOwnRecord, saveKeystore, unlock, type Session } from "./browser-keys.ts";

const when = (iso: string) => `${new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso))} UTC`;

function Message({ error, ok }: { error?: string; ok?: string }) {
  if (error) return <p role="alert" className="text-sm text-danger-ink" data-testid="patient-error">{error}</p>;
  if (ok) return <p role="status" className="text-sm text-success-ink" data-testid="patient-ok">{ok}</p>;
  return null;
}

/** Gets a key into this browser: the demo phrase handed over once, a restored phrase, or a new key. */
function KeySetup({ userId, registered, demoPhraseWaiting, onReady }: { userId: string; registered: string | null; demoPhraseWaiting: boolean; onReady: (key: AccountKey) => void }) {
  const [phrase, setPhrase] = useState("");
  const [shown, setShown] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function save(mnemonic: string, register: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      if (passphrase.length < 8) throw new Error("Choose a passphrase of at least 8 characters.");
      const key = await saveKeystore(userId, mnemonic, passphrase);
      if (registered && key.address !== registered) {
        forgetKeystore(userId);
        throw new Error("That recovery phrase belongs to another account.");
      }
      if (register) {
        const signature = secp256k1.sign(registrationMessage(userId, key.address), key.privateKey, { prehash: false, lowS: true, format: "compact" });
        const res = await fetch("/api/patient/key", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "register", publicKey: btoa(String.fromCharCode(...key.publicKey)), signature: btoa(String.fromCharCode(...signature)) }) });
        if (!res.ok) throw new Error(((await res.json()) as { error: { message: string } }).error.message);
      }
      onReady(key);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function receiveDemoPhrase() {
    const res = await fetch("/api/patient/key", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "reveal-demo" }) });
    if (!res.ok) return setError("The recovery phrase was already handed over; restore it below.");
    setShown(((await res.json()) as { mnemonic: string }).mnemonic);
  }

  return (
    <Card title="Your key" headingLevel={2}>
      <div className="space-y-4">
        <p className="text-sm text-slate-700">Your key lives only in this browser, encrypted with your passphrase. It signs your consents and opens your records; the portal never sees it.</p>
        {shown ? (
          <div className="rounded-md border border-warning-ink bg-warning-bg p-3" data-testid="recovery-phrase">
            <p className="text-sm font-medium">Write down your recovery phrase. It is shown once.</p>
            <p className="mt-2 font-mono text-sm" data-testid="recovery-words">{shown}</p>
          </div>
        ) : null}
        {demoPhraseWaiting && !shown ? (
          <button type="button" className={button} onClick={receiveDemoPhrase}>
            Receive my recovery phrase
          </button>
        ) : null}
        {!shown && !registered ? (
          <button type="button" className={button} onClick={() => setShown(generateMnemonic(24))}>
            Create a new key
          </button>
        ) : null}
        {!shown ? (
          <div>
            <label htmlFor="restore-phrase" className="block text-sm font-medium">
              Restore from your recovery phrase
            </label>
            <textarea id="restore-phrase" rows={3} className={input} value={phrase} onChange={(e) => setPhrase(e.target.value)} autoComplete="off" spellCheck={false} />
          </div>
        ) : null}
        <div>
          <label htmlFor="new-passphrase" className="block text-sm font-medium">
            Passphrase for this browser
          </label>
          <input id="new-passphrase" type="password" className={input} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" />
        </div>
        <button type="button" className={button} disabled={busy} onClick={() => (shown ? save(shown, !registered) : save(phrase, false))}>
          {busy ? "Securing your key…" : shown ? "I have written it down — keep my key here" : "Restore my key"}
        </button>
        <Message error={error} />
      </div>
    </Card>
  );
}

function Unlock({ userId, onReady }: { userId: string; onReady: (key: AccountKey) => void }) {
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <Card title="Unlock your key" headingLevel={2}>
      <form
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            onReady(await unlock(loadKeystore(userId)!, passphrase));
          } catch {
            setError("Wrong passphrase.");
          } finally {
            setBusy(false);
          }
        }}
      >
        <label htmlFor="unlock-passphrase" className="block text-sm font-medium">
          Passphrase
        </label>
        <input id="unlock-passphrase" type="password" className={input} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="current-password" />
        <button type="submit" className={button} disabled={busy}>
          {busy ? "Unlocking…" : "Unlock"}
        </button>
        <Message error={error} />
      </form>
    </Card>
  );
}

function Unlocked({ session, overview, refresh }: { session: Session; overview: PatientOverview; refresh: () => Promise<void> }) {
  const [decrypted, setDecrypted] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ error?: string; ok?: string }>({});
  const [busy, setBusy] = useState(false);
  const [to, setTo] = useState(overview.organizations[0]?.slug ?? "");
  const [person, setPerson] = useState("");
  const [classes, setClasses] = useState<string[]>(["VITALS", "LABS"]);
  const [purpose, setPurpose] = useState("TREAT");
  const [until, setUntil] = useState(() => new Date(Date.now() + 86_400_000).toISOString().slice(0, 16));

  // Each opening is a logged read: decrypt each of the latest records once per session.
  const opened = useRef(new Set<string>());
  const latestIds = overview.records.slice(0, 12).map((r) => r.id).join(",");
  async function act(what: string, run: () => Promise<{ code: number; rawLog?: string }>) {
    setBusy(true);
    setMsg({});
    try {
      const res = await session.inTurn(run);
      if (res.code !== 0) throw new Error(res.rawLog ?? `the network refused it (code ${res.code})`);
      setMsg({ ok: what });
      await refresh();
    } catch (err) {
      setMsg({ error: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  async function share() {
    const allData = classes.length === 0;
    await act("Access granted.", async () => {
      const end = new Date(until);
      if (!(end.getTime() > Date.now())) throw new Error("Choose an end in the future.");
      const recipient = await granteePublicKey(session, overview, person, to);
      const keys = await grantKeysFor(await recordsInScope(session, classes), session.key.address, session.key.privateKey, recipient);
      const msg = accessMessageComposer.grantAccess({
        patient: session.key.address,
        ...(person ? { grantee: person.trim() } : { granteeOrganizationId: to }),
        purpose: Purpose[`PURPOSE_${purpose}` as keyof typeof Purpose] as Purpose,
        scope: allData ? { all: true } : { classes: classes.map((c) => RecordClass[`RECORD_CLASS_${c}` as keyof typeof RecordClass] as RecordClass) },
        end: { seconds: BigInt(Math.floor(end.getTime() / 1000)), nanos: 0 },
        keys: keys.slice(0, KEYS_PER_MESSAGE),
      });
      const granted = await session.signer.signAndBroadcast(session.key.address, [msg], "auto");
      // A long history's keys follow the grant, a message's worth at a time.
      const grantId = granted.events.find((e) => e.type === "precision.access.v1.EventAccessGranted")?.attributes.find((a) => a.key === "grant_id")?.value.replaceAll('"', "");
      for (let i = KEYS_PER_MESSAGE; granted.code === 0 && grantId && i < keys.length; i += KEYS_PER_MESSAGE) {
        const added = await session.signer.signAndBroadcast(session.key.address, [accessMessageComposer.addGrantKeys({ patient: session.key.address, grantId: BigInt(grantId), keys: keys.slice(i, i + KEYS_PER_MESSAGE) })], "auto");
        if (added.code !== 0) return added;
      }
      return granted;
    });
  }

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      for (const id of latestIds.split(",").filter(Boolean)) {
        if (cancelled || opened.current.has(id)) continue;
        opened.current.add(id);
        try {
          const resource = await readOwnRecord(session.key, id);
          setDecrypted((d) => ({ ...d, [id]: describeResource(resource) }));
        } catch (err) {
          opened.current.delete(id);
          setDecrypted((d) => ({ ...d, [id]: `Could not open: ${(err as Error).message}` }));
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [latestIds, session.key]);

  const breakGlass = overview.grants.filter((g) => g.kind === "BREAK_GLASS");
  return (
    <div className="space-y-6">
      <Message {...msg} />
      {breakGlass.length > 0 ? (
        <section role="alert" className="rounded-md border border-danger-ink bg-danger-bg p-4" data-testid="break-glass-notices">
          <h2 className="font-semibold text-danger-ink">Emergency access to your records</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {breakGlass.map((g) => (
              <li key={g.id}>
                {g.by} broke the glass on {when(g.start)} ({g.reason.replaceAll("-", " ")}), access until {when(g.end)}.
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Your records" headingLevel={2}>
          <DeviceReadings session={session} overview={overview} refresh={refresh} />
          {overview.records.length === 0 ? (
            <EmptyState title="No records yet" description="Records your care team or your devices add appear here." />
          ) : (
            <ol className="space-y-2" data-testid="own-timeline">
              {overview.records.slice(0, 60).map((r) => (
                <li key={r.id} className="rounded-md border border-slate-200 p-2 text-sm" data-record={r.id}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone="info">{label(r.recordClass)}</Badge>
                    <span>{when(r.time)}</span>
                    <span className="text-slate-600">{r.source}</span>
                  </div>
                  <p className="mt-1" data-testid="decrypted">{decrypted[r.id] ?? r.resourceType}</p>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <div className="space-y-6">
          <Card title="Share your records" headingLevel={2}>
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                void share();
              }}
            >
              <SelectField id="share-org" title="Organisation" value={to} options={overview.organizations.map((o) => [o.slug, o.name] as const)} onChange={setTo} disabled={person !== ""} />
              <label htmlFor="share-person" className="block text-sm font-medium">
                Or a person&apos;s account address
              </label>
              <input id="share-person" className={input} value={person} onChange={(e) => setPerson(e.target.value)} placeholder="prec1…" />
              <ClassPicker legend="What (none ticked: all your data)" name="share-class" value={classes} onChange={setClasses} />
              <SelectField id="share-purpose" title="Purpose" value={purpose} options={PURPOSES} onChange={setPurpose} />
              <label htmlFor="share-until" className="block text-sm font-medium">
                Until (UTC)
              </label>
              <input id="share-until" type="datetime-local" className={input} value={until} onChange={(e) => setUntil(e.target.value)} />
              <button type="submit" className={button} disabled={busy}>
                {busy ? "Signing…" : "Grant access"}
              </button>
            </form>
          </Card>
          <Card title="Who may read your records" headingLevel={2}>
            <ul className="space-y-2 text-sm" data-testid="grant-list">
              {overview.grants.map((g) => (
                <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-2" data-grant={g.id}>
                  <span>
                    <strong>{g.to}</strong> · {g.purpose} · {g.scopeAll ? "all data" : g.scopeClasses.map(label).join(", ")} · {g.revoked ? `revoked ${when(g.revokedTime!)}` : `until ${when(g.end)}`}
                    {g.kind !== "CONSENT" ? <Badge tone="warning">{g.kind === "BREAK_GLASS" ? "Break-glass" : "Emergency"}</Badge> : null}
                  </span>
                  {g.live ? (
                    <button type="button" className="rounded-md border border-danger-ink px-3 py-1 text-danger-ink" disabled={busy} onClick={() => act("Access revoked.", () => session.signer.signAndBroadcast(session.key.address, [accessMessageComposer.revokeAccess({ patient: session.key.address, grantId: BigInt(g.id) })], "auto"))}>
                      Revoke
                    </button>
                  ) : (
                    <Badge tone="neutral">Ended</Badge>
                  )}
                </li>
              ))}
            </ul>
          </Card>
          <EmergencyRules session={session} overview={overview} busy={busy} act={act} />
        </div>
      </div>
      <Card title="Who looked at your records" headingLevel={2}>
        {overview.accessLog.length === 0 ? (
          <EmptyState title="Nobody yet" description="Every read of your records is written to the network and listed here." />
        ) : (
          <table className="w-full text-left text-sm" data-testid="access-log">
            <caption className="sr-only">Every read the vault served</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Record</th>
                <th scope="col">Purpose</th>
              </tr>
            </thead>
            <tbody>
              {overview.accessLog.slice(0, 100).map((e) => (
                <tr key={e.id}>
                  <td>{when(e.time)}</td>
                  <td>{e.reader}</td>
                  <td className="font-mono">{e.recordId}</td>
                  <td>{e.purpose}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

function subscribeToStorage(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

/** The patient's area: their key, their records decrypted here, their consents and their audit trail. */
export function PatientApp({ userId, registered, demoPhraseWaiting }: { userId: string; registered: string | null; demoPhraseWaiting: boolean }) {
  const stored = useSyncExternalStore(subscribeToStorage, () => loadKeystore(userId) !== undefined, () => null);
  const [created, setCreated] = useState(false);
  const hasKeystore = stored === null ? null : stored || created;
  const [session, setSession] = useState<Session | null>(null);
  const [overview, setOverview] = useState<PatientOverview | null>(null);
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    const res = await fetch("/api/patient/overview", { cache: "no-store" });
    if (res.ok) setOverview((await res.json()) as PatientOverview);
  }, []);

  useEffect(() => {
    if (!session) return;
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => void refresh(), 4_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [session, refresh]);

  async function ready(key: AccountKey) {
    try {
      setSession(await openSession(key));
      setCreated(true);
    } catch (err) {
      setError(`Could not reach the network: ${(err as Error).message}`);
    }
  }

  if (hasKeystore === null) return <p>Loading…</p>;
  if (!session) {
    return (
      <div className="max-w-xl space-y-4">
        {hasKeystore ? <Unlock userId={userId} onReady={ready} /> : <KeySetup userId={userId} registered={registered} demoPhraseWaiting={demoPhraseWaiting} onReady={ready} />}
        <Message error={error} />
      </div>
    );
  }
  return (
    <div data-testid="patient-app" data-address={session.key.address}>
      {overview ? <Unlocked session={session} overview={overview} refresh={refresh} /> : <p>Loading your records…</p>}
    </div>
  );
}
