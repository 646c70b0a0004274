import { Suspense, type ReactNode } from "react";
import { AppShell, Badge, Button } from "@precision/ui";
import { requireArea } from "@/server/guard.ts";
import type { Area } from "@/lib/roles.ts";
import { signOutAction } from "../sign-out-action.ts";
import { ChainStatusBadge } from "./chain-status-badge.tsx";

/** Shared layout of the role areas: enforces the role, then renders the shell. */
export async function AreaLayout({ area, children }: { area: Area; children: ReactNode }) {
  const profile = await requireArea(area);
  return (
    <AppShell
      brand="Precision"
      brandHref={area.path}
      nav={[{ href: area.path, label: area.label }]}
      currentPath={area.path}
      status={
        <Suspense fallback={<Badge tone="neutral">Checking chain…</Badge>}>
          <ChainStatusBadge />
        </Suspense>
      }
      account={
        <div className="flex items-center gap-3">
          <span className="text-sm">
            <span className="sr-only">Signed in as </span>
            <span data-testid="signed-in-user">{profile.name}</span>
          </span>
          <form action={signOutAction}>
            <Button type="submit" variant="secondary" size="sm">
              Sign out
            </Button>
          </form>
        </div>
      }
      footer="Precision · every read and write in this portal is recorded on the permissioned chain."
    >
      {children}
    </AppShell>
  );
}
