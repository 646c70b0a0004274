import { currentUser } from "@/auth.ts";
import { indexedHead } from "@/server/explorer.ts";

export const dynamic = "force-dynamic";

/** The indexed height, for the explorer's live refresh; signed-in people only. */
export async function GET() {
  if (!(await currentUser())) {
    return Response.json({ error: { code: "UNAUTHENTICATED", message: "sign in to read the ledger" } }, { status: 401 });
  }
  const height = await indexedHead();
  return Response.json({ height: height?.toString() ?? null }, { headers: { "cache-control": "no-store" } });
}
