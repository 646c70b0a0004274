import { patientOrError } from "@/server/patient-api.ts";
import { patientOverview } from "@/server/patient-overview.ts";

export const dynamic = "force-dynamic";

export async function GET() {
  const who = await patientOrError();
  if ("response" in who) return who.response;
  return Response.json(await patientOverview(who.profile), { headers: { "cache-control": "no-store" } });
}
