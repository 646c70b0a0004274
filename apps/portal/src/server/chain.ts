import "server-only";
import { env } from "@/env.ts";
import { parseChainStatus, type ChainStatus } from "@/lib/chain-status.ts";

const TIMEOUT_MS = 1500;

/** Asks the node for its status over CometBFT JSON-RPC (POST /, like CosmJS does). Never throws. */
export async function fetchChainStatus(rpcUrl: string = env().CHAIN_RPC_URL): Promise<ChainStatus> {
  try {
    const res = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "status", params: {} }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: "no-store",
    });
    if (!res.ok) return { online: false, reason: `HTTP ${res.status}` };
    return parseChainStatus(await res.json());
  } catch (err) {
    const e = err as Error;
    return {
      online: false,
      reason: e.name === "TimeoutError" ? "no answer within 1.5 s" : "unreachable",
    };
  }
}
