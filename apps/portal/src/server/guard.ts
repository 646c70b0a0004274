import "server-only";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { currentUser } from "@/auth.ts";
import { signInPath } from "@/lib/callback-url.ts";
import { mayEnter, type Area } from "@/lib/roles.ts";
import { PATH_HEADER } from "@/lib/headers.ts";
import { loadProfile, type Profile } from "./profile.ts";

/**
 * Enforces an area's role on the server: signed out (or a cookie that no longer maps to an active
 * account) → sign-in with a callbackUrl; another role → a real HTTP 403.
 */
export async function requireArea(area: Area): Promise<Profile> {
  const user = await currentUser();
  const requested = (await headers()).get(PATH_HEADER) ?? area.path;
  if (!user) redirect(signInPath(requested));
  if (!mayEnter(user.role, area)) forbidden();
  const profile = await loadProfile(user.id);
  if (!profile || profile.disabled || profile.role !== user.role) redirect(signInPath(requested));
  return profile;
}

/** Any signed-in, active person (the explorer is open to every role). */
export async function requireSignedIn(): Promise<Profile> {
  const user = await currentUser();
  const requested = (await headers()).get(PATH_HEADER) ?? "/";
  if (!user) redirect(signInPath(requested));
  const profile = await loadProfile(user.id);
  if (!profile || profile.disabled || profile.role !== user.role) redirect(signInPath(requested));
  return profile;
}
