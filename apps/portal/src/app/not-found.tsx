import type { Metadata } from "next";
import { StatusPage } from "./_components/status-page.tsx";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <StatusPage code="404 · Not found" title="This page does not exist">
      <p>Check the address, or go back to your area.</p>
    </StatusPage>
  );
}
