import { Suspense, type ReactNode } from "react";
import { AppShell, Badge, Button } from "@precision/ui";
import { areaForRole } from "@/lib/roles.ts";
import type { Profile } from "@/server/profile.ts";
import { signOutAction } from "../sign-out-action.ts";
import { ChainStatusBadge } from "./chain-status-badge.tsx";

export const EXPLORER_PATH = "/explorer";
export const TOKENS_PATH = "/tokens";

/** The signed-in frame of every page: the person's own area, the ledger explorer, chain status. */
export function PortalShell({ profile, currentPath, children }: { profile: Profile; currentPath: string; children: ReactNode }) {
  const area = areaForRole(profile.role);
  return (
    <AppShell
      brand="Precision"
      brandHref={area.path}
      nav={[
        { href: area.path, label: area.label },
        { href: EXPLORER_PATH, label: "Ledger explorer" },
        { href: TOKENS_PATH, label: "API tokens" },
      ]}
      currentPath={currentPath}
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
