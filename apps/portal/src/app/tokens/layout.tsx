import type { ReactNode } from "react";
import { PortalShell, TOKENS_PATH } from "../_components/portal-shell.tsx";
import { requireSignedIn } from "@/server/guard.ts";

export const dynamic = "force-dynamic";

/** API tokens are every signed-in person's own. */
export default async function Layout({ children }: { children: ReactNode }) {
  const profile = await requireSignedIn();
  return <PortalShell profile={profile} currentPath={TOKENS_PATH}>{children}</PortalShell>;
}
