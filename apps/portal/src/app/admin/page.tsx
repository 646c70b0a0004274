import type { Metadata } from "next";
import { Badge, DataTable } from "@precision/ui";
import { isLocked } from "@/lib/lockout.ts";
import {
  ORGANIZATION_TYPE_LABELS,
  organizationIdentifiers,
  type OrganizationTypeName,
} from "@/lib/organizations.ts";
import { AREAS } from "@/lib/roles.ts";
import { listOrganizations, listUsers } from "@/server/directory.ts";
import { requireArea } from "@/server/guard.ts";
import { AreaOverview } from "../_components/area-overview.tsx";

export const metadata: Metadata = { title: "Administration" };

export default async function Page() {
  const profile = await requireArea(AREAS.ADMIN);
  const [organizations, users] = await Promise.all([listOrganizations(), listUsers()]);
  const now = new Date();
  return (
    <AreaOverview
      area={AREAS.ADMIN}
      profile={profile}
      extra={
        <div className="flex flex-col gap-8">
          <DataTable
            caption={`Organisations (${organizations.length})`}
            rows={organizations}
            rowKey={(o) => o.id}
            empty={{
              title: "No organisations",
              description: "Seed the database or register organisations in the identity module.",
            }}
            columns={[
              { id: "name", header: "Name", rowHeader: true, cell: (o) => o.name },
              {
                id: "type",
                header: "Type",
                cell: (o) => ORGANIZATION_TYPE_LABELS[o.type as OrganizationTypeName],
              },
              {
                id: "ids",
                header: "Identifiers",
                cell: (o) => {
                  const ids = organizationIdentifiers(o);
                  return ids.length ? (
                    <ul>
                      {ids.map((i) => (
                        <li key={i.label}>
                          {i.label} <span className="font-mono">{i.value}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  );
                },
              },
              { id: "members", header: "People", align: "end", cell: (o) => o._count.memberships },
            ]}
          />
          <DataTable
            caption={`People (${users.length})`}
            rows={users}
            rowKey={(u) => u.id}
            empty={{ title: "No people", description: "Nobody has an account yet." }}
            columns={[
              { id: "name", header: "Name", rowHeader: true, cell: (u) => u.name },
              {
                id: "email",
                header: "Email",
                cell: (u) => <span className="font-mono">{u.email}</span>,
              },
              { id: "role", header: "Role", cell: (u) => AREAS[u.role].label },
              {
                id: "org",
                header: "Organisation and title",
                cell: (u) =>
                  u.memberships.length
                    ? u.memberships.map((m) => `${m.organization.name} — ${m.title}`).join("; ")
                    : "—",
              },
              {
                id: "status",
                header: "Status",
                cell: (u) =>
                  u.disabled ? (
                    <Badge tone="danger">Disabled</Badge>
                  ) : isLocked(u.lockedUntil, now) ? (
                    <Badge tone="warning">Locked</Badge>
                  ) : (
                    <Badge tone="success">Active</Badge>
                  ),
              },
            ]}
          />
        </div>
      }
    />
  );
}
