import type { Metadata } from "next";
import { AREAS } from "@/lib/roles.ts";
import { requireArea } from "@/server/guard.ts";
import { AreaOverview } from "../_components/area-overview.tsx";

export const metadata: Metadata = { title: "Researcher" };

export default async function Page() {
  const profile = await requireArea(AREAS.RESEARCHER);
  return <AreaOverview area={AREAS.RESEARCHER} profile={profile} />;
}
