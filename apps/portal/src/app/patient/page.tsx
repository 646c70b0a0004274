import type { Metadata } from "next";
import { AREAS } from "@/lib/roles.ts";
import { requireArea } from "@/server/guard.ts";
import { AreaOverview } from "../_components/area-overview.tsx";

export const metadata: Metadata = { title: "Patient" };

export default async function Page() {
  const profile = await requireArea(AREAS.PATIENT);
  return <AreaOverview area={AREAS.PATIENT} profile={profile} />;
}
