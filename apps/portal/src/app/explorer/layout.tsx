import type { ReactNode } from "react";
import { requireSignedIn } from "@/server/guard.ts";
import { EXPLORER_PATH, PortalShell } from "../_components/portal-shell.tsx";
import { SearchForm } from "./_components/search-form.tsx";

export const dynamic = "force-dynamic";

/** Open to every signed-in role: the ledger holds pointers, hashes and grants, never PHI. */
export default async function Layout({ children }: { children: ReactNode }) {
  const profile = await requireSignedIn();
  return (
    <PortalShell profile={profile} currentPath={EXPLORER_PATH}>
      <div className="space-y-6">
        <SearchForm />
        {children}
      </div>
    </PortalShell>
  );
}
