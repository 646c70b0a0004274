import { currentUser } from "@/auth.ts";
import { alertsFor } from "@/server/care.ts";
import { loadProfile } from "@/server/profile.ts";

export const dynamic = "force-dynamic";

/** The clinician's alerts inbox, for live refresh; clinicians only. */
export async function GET() {
  const user = await currentUser();
  if (!user) return Response.json({ error: { code: "UNAUTHENTICATED", message: "sign in" } }, { status: 401 });
  if (user.role !== "CLINICIAN") return Response.json({ error: { code: "FORBIDDEN", message: "clinicians only" } }, { status: 403 });
  const profile = await loadProfile(user.id);
  if (!profile || profile.disabled) return Response.json({ error: { code: "UNAUTHENTICATED", message: "sign in" } }, { status: 401 });
  const alerts = await alertsFor(profile);
  return Response.json(
    { alerts: alerts.map((a) => ({ ...a, time: a.time.toISOString(), grantId: a.grantId?.toString() ?? null, grantEnd: a.grantEnd?.toISOString() ?? null })) },
    { headers: { "cache-control": "no-store" } },
  );
}
