import { env } from "@/env.ts";
import { patientOrError } from "@/server/patient-api.ts";

export const dynamic = "force-dynamic";

const PASSED_BACK = ["content-type", "content-length", "x-precision-access-entry", "x-precision-grant", "x-precision-purpose", "x-precision-wrapped-key", "x-precision-sha256"];

/**
 * The vault, relayed for the patient's browser. Requests carry the browser's own signature over
 * the vault path (/v1/…), which is forwarded unchanged; the vault checks it and the grant.
 */
async function relay(request: Request, path: string[]): Promise<Response> {
  const who = await patientOrError();
  if ("response" in who) return who.response;
  if (path[0] !== "v1" || !["records", "objects"].includes(path[1] ?? "") || path.length !== 3) {
    return Response.json({ error: { code: "E_NOT_FOUND", message: "no such vault endpoint" } }, { status: 404 });
  }
  const target = `/${path.map(encodeURIComponent).join("/")}`;
  const headers: Record<string, string> = {};
  const authorization = request.headers.get("authorization");
  if (authorization) headers.authorization = authorization;
  try {
    const res = await fetch(`${env().VAULT_URL}${target}`, {
      method: request.method,
      headers,
      body: request.method === "PUT" ? await request.arrayBuffer() : undefined,
      signal: AbortSignal.timeout(60_000),
      cache: "no-store",
    });
    const out = new Headers({ "cache-control": "no-store" });
    for (const h of PASSED_BACK) {
      const v = res.headers.get(h);
      if (v !== null) out.set(h, v);
    }
    return new Response(res.body, { status: res.status, headers: out });
  } catch {
    return Response.json({ error: { code: "E_CHAIN_UNAVAILABLE", message: "the vault did not answer" } }, { status: 503 });
  }
}

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return relay(request, (await params).path);
}

export async function PUT(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return relay(request, (await params).path);
}
