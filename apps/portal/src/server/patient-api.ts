import "server-only";
import { currentUser } from "@/auth.ts";
import { loadProfile, type Profile } from "./profile.ts";

/** The signed-in patient, or the JSON error response to send instead. */
export async function patientOrError(): Promise<{ profile: Profile } | { response: Response }> {
  const user = await currentUser();
  if (!user) return { response: Response.json({ error: { code: "UNAUTHENTICATED", message: "sign in" } }, { status: 401 }) };
  if (user.role !== "PATIENT") return { response: Response.json({ error: { code: "FORBIDDEN", message: "patients only" } }, { status: 403 }) };
  const profile = await loadProfile(user.id);
  if (!profile || profile.disabled) return { response: Response.json({ error: { code: "UNAUTHENTICATED", message: "sign in" } }, { status: 401 }) };
  return { profile };
}
