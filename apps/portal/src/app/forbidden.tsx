import type { Metadata } from "next";
import { StatusPage } from "./_components/status-page.tsx";

export const metadata: Metadata = { title: "No access" };

export default function Forbidden() {
  return (
    <StatusPage code="403 · Forbidden" title="You don't have access to this area">
      <p>
        This part of the portal belongs to another role. Your own area has everything your role can
        see; if you need access here, ask your organisation&apos;s administrator.
      </p>
    </StatusPage>
  );
}
