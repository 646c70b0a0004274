export type ChainStatus =
  | { online: true; chainId: string; height: string; catchingUp: boolean }
  | { online: false; reason: string };

/** Reads a CometBFT JSON-RPC `status` response; anything that does not look like one is "offline". */
export function parseChainStatus(body: unknown): ChainStatus {
  if (typeof body !== "object" || body === null)
    return { online: false, reason: "not a JSON-RPC response" };
  const b = body as { error?: { message?: unknown }; result?: unknown };
  if (b.error)
    return { online: false, reason: `node error: ${String(b.error.message ?? "unknown")}` };
  const r = b.result as
    | {
        node_info?: { network?: unknown };
        sync_info?: { latest_block_height?: unknown; catching_up?: unknown };
      }
    | undefined;
  const chainId = r?.node_info?.network;
  const height = r?.sync_info?.latest_block_height;
  if (typeof chainId !== "string" || chainId === "")
    return { online: false, reason: "status has no chain id" };
  if (typeof height !== "string" || !/^\d+$/.test(height))
    return { online: false, reason: "status has no block height" };
  return { online: true, chainId, height, catchingUp: r?.sync_info?.catching_up === true };
}
