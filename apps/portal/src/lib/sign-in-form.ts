import { z } from "zod";

export const EMAIL_MAX = 254;
export const PASSWORD_MAX = 1024;

/** Stable codes the sign-in page and the tests rely on. */
export type SignInErrorCode =
  | "EMAIL_REQUIRED"
  | "EMAIL_TOO_LONG"
  | "EMAIL_INVALID"
  | "PASSWORD_REQUIRED"
  | "PASSWORD_TOO_LONG"
  | "INVALID_CREDENTIALS"
  | "ACCOUNT_LOCKED"
  | "ACCOUNT_DISABLED"
  | "SIGN_IN_UNAVAILABLE";

export const signInFormSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "EMAIL_REQUIRED")
    .max(EMAIL_MAX, "EMAIL_TOO_LONG")
    .pipe(z.email("EMAIL_INVALID"))
    .transform((v) => v.toLowerCase()),
  password: z.string().min(1, "PASSWORD_REQUIRED").max(PASSWORD_MAX, "PASSWORD_TOO_LONG"),
});

export type SignInForm = z.infer<typeof signInFormSchema>;

export const SIGN_IN_MESSAGES: Record<SignInErrorCode, string> = {
  EMAIL_REQUIRED: "Enter your email address.",
  EMAIL_TOO_LONG: `Email address must be at most ${EMAIL_MAX} characters.`,
  EMAIL_INVALID: "Enter an email address like name@example.org.",
  PASSWORD_REQUIRED: "Enter your password.",
  PASSWORD_TOO_LONG: `Password must be at most ${PASSWORD_MAX} characters.`,
  INVALID_CREDENTIALS: "Email or password is incorrect.",
  ACCOUNT_LOCKED:
    "This account is locked for 15 minutes after 5 failed sign-in attempts. Try again later.",
  ACCOUNT_DISABLED: "This account is disabled. Contact your organisation's administrator.",
  SIGN_IN_UNAVAILABLE: "Sign-in is unavailable right now. Please try again in a moment.",
};

export interface FieldErrors {
  email?: SignInErrorCode;
  password?: SignInErrorCode;
}

export type SignInFormResult =
  { ok: true; data: SignInForm } | { ok: false; fieldErrors: FieldErrors };

/** Validates raw form values without touching the database. Non-string values count as empty. */
export function parseSignInForm(raw: { email: unknown; password: unknown }): SignInFormResult {
  const result = signInFormSchema.safeParse({
    email: typeof raw.email === "string" ? raw.email : "",
    password: typeof raw.password === "string" ? raw.password : "",
  });
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === "email" || field === "password") && !fieldErrors[field]) {
      fieldErrors[field] = issue.message as SignInErrorCode;
    }
  }
  return { ok: false, fieldErrors };
}
