import { env } from "@/env.ts";
import { patientOrError } from "@/server/patient-api.ts";

export const dynamic = "force-dynamic";

/** What a patient's browser needs from the node: reads, and broadcasting the txs it signed itself. */
const ALLOWED = new Set(["status", "health", "abci_info", "abci_query", "broadcast_tx_sync", "tx", "tx_search", "block"]);
const MAX_BODY = 256 * 1024;

/**
 * The chain's JSON-RPC, relayed for the patient's browser (the portal's CSP allows only its own
 * origin). Txs arrive signed by the patient's key, which never leaves the browser.
 */
export async function POST(request: Request) {
  const who = await patientOrError();
  if ("response" in who) return who.response;
  const text = await request.text();
  if (text.length > MAX_BODY) return Response.json({ jsonrpc: "2.0", id: -1, error: { code: -32600, message: "request too large" } }, { status: 413 });
  let body: { method?: unknown; id?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return Response.json({ jsonrpc: "2.0", id: -1, error: { code: -32700, message: "parse error" } }, { status: 400 });
  }
  if (typeof body.method !== "string" || !ALLOWED.has(body.method)) {
    return Response.json({ jsonrpc: "2.0", id: body.id ?? -1, error: { code: -32601, message: `method not available here: ${String(body.method)}` } }, { status: 403 });
  }
  try {
    const res = await fetch(env().CHAIN_RPC_URL, { method: "POST", headers: { "content-type": "application/json" }, body: text, signal: AbortSignal.timeout(15_000), cache: "no-store" });
    return new Response(await res.text(), { status: res.status, headers: { "content-type": "application/json", "cache-control": "no-store" } });
  } catch {
    return Response.json({ jsonrpc: "2.0", id: body.id ?? -1, error: { code: -32603, message: "the chain node did not answer" } }, { status: 503 });
  }
}
