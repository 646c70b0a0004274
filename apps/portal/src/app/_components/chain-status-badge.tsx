import { Badge } from "@precision/ui";
import { fetchChainStatus } from "@/server/chain.ts";

export async function ChainStatusBadge() {
  const status = await fetchChainStatus();
  if (!status.online) {
    return (
      <Badge tone="danger" dot title={`Chain node: ${status.reason}`}>
        <span data-testid="chain-status">Chain offline</span>
      </Badge>
    );
  }
  return (
    <Badge
      tone={status.catchingUp ? "warning" : "success"}
      dot
      title={status.catchingUp ? "The node is catching up" : "The node is in sync"}
    >
      <span data-testid="chain-status">
        {status.chainId} · height {status.height}
      </span>
    </Badge>
  );
}
