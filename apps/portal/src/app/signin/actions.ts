"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { PortalSignInError, signIn } from "@/auth.ts";
import { safeCallbackPath } from "@/lib/callback-url.ts";
import { areaForPath, areaForRole, isRole } from "@/lib/roles.ts";
import { parseSignInForm, type FieldErrors, type SignInErrorCode } from "@/lib/sign-in-form.ts";

export interface SignInState {
  email: string;
  fieldErrors: FieldErrors;
  formError?: SignInErrorCode;
}

const FIELD_CODES = new Set<SignInErrorCode>([
  "EMAIL_REQUIRED",
  "EMAIL_TOO_LONG",
  "EMAIL_INVALID",
  "PASSWORD_REQUIRED",
  "PASSWORD_TOO_LONG",
]);

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const rawEmail = formData.get("email");
  const email = typeof rawEmail === "string" ? rawEmail.slice(0, 320) : "";
  const form = parseSignInForm({ email: rawEmail, password: formData.get("password") });
  if (!form.ok) return { email, fieldErrors: form.fieldErrors };

  const callback = safeCallbackPath(formData.get("callbackUrl"));
  let role: string | undefined;
  try {
    await signIn("credentials", {
      email: form.data.email,
      password: form.data.password,
      redirect: false,
    });
    const { db } = await import("@/server/db.ts");
    role = (
      await db().user.findFirst({
        where: { email: { equals: form.data.email, mode: "insensitive" } },
        select: { role: true },
      })
    )?.role;
  } catch (err) {
    if (err instanceof PortalSignInError) {
      const code = err.portalCode;
      return FIELD_CODES.has(code)
        ? { email, fieldErrors: { [code.startsWith("EMAIL") ? "email" : "password"]: code } }
        : { email, fieldErrors: {}, formError: code };
    }
    if (err instanceof AuthError) {
      // Already logged with its cause by the auth logger; the person gets a stable code.
      return { email, fieldErrors: {}, formError: "SIGN_IN_UNAVAILABLE" };
    }
    throw err;
  }

  // Go back where the person was heading if that is theirs; otherwise to their own area.
  const home = isRole(role) ? areaForRole(role).path : "/";
  const target = callback && isRole(role) && areaForPath(callback)?.role === role ? callback : home;
  redirect(target);
}
