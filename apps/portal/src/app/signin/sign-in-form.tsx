"use client";

import { useActionState } from "react";
import { Alert, Button, FormField } from "@precision/ui";
import { SIGN_IN_MESSAGES } from "@/lib/sign-in-form.ts";
import { signInAction, type SignInState } from "./actions.ts";

const initial: SignInState = { email: "", fieldErrors: {} };

export function SignInForm({ callbackUrl }: { callbackUrl?: string | undefined }) {
  const [state, action, pending] = useActionState(signInAction, initial);
  const { fieldErrors, formError } = state;
  return (
    <form
      action={action}
      noValidate
      className="flex flex-col gap-5"
      aria-describedby={formError ? "signin-error" : undefined}
    >
      {formError ? (
        <Alert id="signin-error" tone="danger" title="Could not sign you in">
          <span data-error-code={formError}>{SIGN_IN_MESSAGES[formError]}</span>
        </Alert>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormField
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="username"
        required
        defaultValue={state.email}
        key={`email-${state.email}`}
        error={fieldErrors.email ? SIGN_IN_MESSAGES[fieldErrors.email] : undefined}
      />
      <FormField
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        error={fieldErrors.password ? SIGN_IN_MESSAGES[fieldErrors.password] : undefined}
      />
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
