import type { ReactNode } from "react";
import { requireArea } from "@/server/guard.ts";
import type { Area } from "@/lib/roles.ts";
import { PortalShell } from "./portal-shell.tsx";

/** Shared layout of the role areas: enforces the role, then renders the shell. */
export async function AreaLayout({ area, children }: { area: Area; children: ReactNode }) {
  const profile = await requireArea(area);
  return (
    <PortalShell profile={profile} currentPath={area.path}>
      {children}
    </PortalShell>
  );
}
