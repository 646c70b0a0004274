import type { Metadata } from "next";
import { Badge, Card } from "@precision/ui";
import { tradingRole, type OrganizationTypeName } from "@/lib/organizations.ts";
import { AREAS } from "@/lib/roles.ts";
import { requireArea } from "@/server/guard.ts";
import { AreaOverview } from "../_components/area-overview.tsx";

export const metadata: Metadata = { title: "Supply chain" };

export default async function Page() {
  const profile = await requireArea(AREAS.SUPPLY);
  const roles = profile.memberships.map((m) => ({
    org: m.organization.name,
    role: tradingRole(m.organization.type as OrganizationTypeName),
  }));
  return (
    <AreaOverview
      area={AREAS.SUPPLY}
      profile={profile}
      extra={
        <Card
          title="Trading role"
          description="Your place in the DSCSA chain of ownership"
          headingLevel={2}
        >
          {roles.length === 0 ? (
            <p className="text-ink-muted">
              No trading partner organisation is linked to your account.
            </p>
          ) : (
            <ul className="flex flex-col gap-2">
              {roles.map((r) => (
                <li key={r.org} className="flex flex-wrap items-center gap-2">
                  <Badge tone={r.role ? "success" : "warning"}>
                    <span data-testid="trading-role">{r.role ?? "Not a trading partner"}</span>
                  </Badge>
                  <span className="text-ink">{r.org}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      }
    />
  );
}
