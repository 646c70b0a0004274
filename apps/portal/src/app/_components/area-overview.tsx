import type { ReactNode } from "react";
import { Badge, Card, DescriptionList, EmptyState, PageHeader } from "@precision/ui";
import { AREA_CONTENT } from "@/lib/area-content.ts";
import {
  ORGANIZATION_TYPE_LABELS,
  organizationIdentifiers,
  type OrganizationTypeName,
} from "@/lib/organizations.ts";
import type { Area } from "@/lib/roles.ts";
import type { Profile } from "@/server/profile.ts";

function formatDate(d: Date | null): string {
  return d
    ? new Intl.DateTimeFormat("en-GB", {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "UTC",
      }).format(d) + " UTC"
    : "—";
}

/** The common first page of every area: who you are, where you work, what the area will hold. */
export function AreaOverview({
  area,
  profile,
  extra,
}: {
  area: Area;
  profile: Profile;
  extra?: ReactNode;
}) {
  const content = AREA_CONTENT[area.role];
  const primary = profile.memberships[0];
  return (
    <>
      <PageHeader
        eyebrow={area.label}
        title={`Welcome, ${profile.name}`}
        description={content.summary}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="You" headingLevel={2}>
          <DescriptionList
            items={[
              { key: "name", term: "Name", detail: profile.name },
              { key: "email", term: "Email", detail: profile.email },
              ...(primary ? [{ key: "title", term: "Title", detail: primary.title }] : []),
              { key: "role", term: "Role", detail: <Badge tone="info">{area.label}</Badge> },
              { key: "last", term: "Signed in at", detail: formatDate(profile.lastSignInAt) },
            ]}
          />
        </Card>
        {profile.memberships.length === 0 ? (
          <Card title="Organisation" headingLevel={2}>
            {area.role === "PATIENT" ? (
              <EmptyState
                title="You act for yourself"
                description="Patients are not members of an organisation: you hold your own keys and decide which people and organisations may read your records."
              />
            ) : (
              <EmptyState
                title="No organisation yet"
                description="You are not a member of any organisation on the network."
              />
            )}
          </Card>
        ) : (
          profile.memberships.map((m) => (
            <Card
              key={m.id}
              title={m.organization.name}
              description="Your organisation"
              headingLevel={2}
            >
              <DescriptionList
                items={[
                  {
                    key: "type",
                    term: "Type",
                    detail: ORGANIZATION_TYPE_LABELS[m.organization.type as OrganizationTypeName],
                  },
                  ...organizationIdentifiers(m.organization).map((id) => ({
                    key: id.label,
                    term: id.label,
                    detail: <span className="font-mono">{id.value}</span>,
                  })),
                  {
                    key: "slug",
                    term: "Network id",
                    detail: <span className="font-mono">{m.organization.slug}</span>,
                  },
                  { key: "title", term: "Your title", detail: m.title },
                ]}
              />
            </Card>
          ))
        )}
      </div>
      {extra ? <div className="mt-6">{extra}</div> : null}
      <section aria-labelledby="planned-heading" className="mt-8">
        <h2 id="planned-heading" className="mb-3 text-lg font-semibold text-ink">
          What this area will hold
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {content.planned.map((p) => (
            <li key={p.title} className="rounded-lg border border-line bg-surface p-4">
              <p className="font-semibold text-ink">{p.title}</p>
              <p className="mt-1 text-sm text-ink-muted">{p.detail}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
