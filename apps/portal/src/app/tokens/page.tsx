import type { Metadata } from "next";
import { Card, DataTable, PageHeader } from "@precision/ui";
import { listApiTokens } from "@/server/api-tokens.ts";
import { requireSignedIn } from "@/server/guard.ts";
import { revokeToken } from "@/server/token-actions.ts";
import { CreateTokenForm } from "./create-token-form.tsx";

export const metadata: Metadata = { title: "API tokens" };

const day = (d: Date | null) => (d ? new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(d) : "—");

export default async function Page() {
  const profile = await requireSignedIn();
  const tokens = await listApiTokens(profile.id);
  return (
    <>
      <PageHeader eyebrow="Account" title="Personal API tokens" description="Tokens let your own tools call the FHIR API as you (Authorization: Bearer <token>). The grants that limit you in the portal limit them too." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="New token" headingLevel={2}>
          <CreateTokenForm />
        </Card>
        <div className="lg:col-span-2">
          <Card title="Your tokens" headingLevel={2}>
            <DataTable
              caption="Your personal API tokens"
              rows={tokens}
              rowKey={(t) => t.id}
              empty={{ title: "No tokens yet" }}
              columns={[
                { id: "name", header: "Name", rowHeader: true, cell: (t) => t.name },
                { id: "prefix", header: "Starts with", cell: (t) => <code>{t.prefix}…</code> },
                { id: "used", header: "Last used", cell: (t) => day(t.lastUsedAt) },
                { id: "expires", header: "Expires", cell: (t) => day(t.expiresAt) },
                {
                  id: "state",
                  header: "",
                  cell: (t) =>
                    t.revokedAt ? (
                      "Revoked"
                    ) : (
                      <form action={revokeToken}>
                        <input type="hidden" name="id" value={t.id} />
                        <button type="submit" className="rounded-md border border-danger-ink px-3 py-1 text-sm text-danger-ink" aria-label={`Revoke ${t.name}`}>
                          Revoke
                        </button>
                      </form>
                    ),
                },
              ]}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
