import type { Metadata } from "next";
import { Alert, Card, DataTable } from "@precision/ui";
import { env } from "@/env.ts";
import { safeCallbackPath } from "@/lib/callback-url.ts";
import { SignInForm } from "./sign-in-form.tsx";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

interface DemoUser {
  email: string;
  name: string;
  role: string;
  title: string;
}

async function demoUsers(): Promise<{ users: DemoUser[]; password: string } | undefined> {
  if (!env().PRECISION_DEMO) return undefined;
  const { DEMO_USERS, DEMO_PASSWORD_DEFAULT } = await import("@precision/db/seed");
  return {
    users: [...DEMO_USERS],
    password: env().PRECISION_DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT,
  };
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const signedOut = first(params.signedOut) === "1";
  const demo = await demoUsers();

  return (
    <main
      id="main"
      className="mx-auto flex min-h-screen w-full max-w-5xl flex-col items-center justify-center gap-8 px-4 py-10"
    >
      <div className="w-full max-w-md">
        <p className="text-center text-2xl font-semibold tracking-tight text-brand-900">
          Precision
        </p>
        <p className="mt-1 text-center text-sm text-ink-muted">Healthcare network portal</p>
      </div>
      <div className="w-full max-w-md">
        <Card>
          <h1 className="mb-4 text-xl font-semibold text-ink">Sign in</h1>
          {signedOut ? (
            <div className="mb-4">
              <Alert tone="success" title="You have been signed out." />
            </div>
          ) : null}
          {callbackUrl ? (
            <p className="mb-4 text-sm text-ink-muted">Sign in to continue to {callbackUrl}.</p>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} />
        </Card>
      </div>
      {demo ? (
        <section aria-labelledby="demo-heading" className="w-full">
          <h2 id="demo-heading" className="mb-2 text-base font-semibold text-ink">
            Demo sign-ins
          </h2>
          <p className="mb-3 text-sm text-ink-muted">
            This is a demo network. Every demo person uses the password{" "}
            <code className="font-mono">{demo.password}</code>.
          </p>
          <DataTable
            caption="Demo people"
            captionHidden
            rows={demo.users}
            rowKey={(u) => u.email}
            columns={[
              {
                id: "email",
                header: "Email",
                cell: (u) => <span className="font-mono">{u.email}</span>,
                rowHeader: true,
              },
              { id: "name", header: "Name", cell: (u) => u.name },
              { id: "role", header: "Role", cell: (u) => u.role.toLowerCase() },
              { id: "title", header: "Title", cell: (u) => u.title },
            ]}
          />
        </section>
      ) : null}
    </main>
  );
}
