import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, PageHeader } from "@precision/ui";
import { shortHash } from "@/lib/explorer-query.ts";
import { indexedHead, latestBlocks, latestTxs } from "@/server/explorer.ts";
import { LiveRefresh } from "./_components/live-refresh.tsx";
import { TxTable } from "./_components/tx-table.tsx";

export const metadata: Metadata = { title: "Ledger explorer" };

export default async function Page() {
  const [head, blocks, txs] = await Promise.all([indexedHead(), latestBlocks(10), latestTxs(15)]);
  return (
    <>
      <PageHeader
        eyebrow="Ledger"
        title="Ledger explorer"
        description="Blocks and transactions of the Precision chain, read from the portal's index. Each transaction's page checks it against the chain node."
      />
      <LiveRefresh height={head?.toString()} />
      <TxTable caption="Latest transactions" rows={txs} emptyTitle="No transactions indexed yet" />
      <DataTable
        caption="Latest blocks"
        rows={blocks}
        rowKey={(b) => b.height.toString()}
        empty={{ title: "No blocks indexed yet", description: "The indexer writes each block as the chain commits it." }}
        columns={[
          {
            id: "height",
            header: "Height",
            rowHeader: true,
            cell: (b) => (
              <Link href={`/explorer/blocks/${b.height}`} className="text-brand-700 underline" data-testid="block-link">
                {b.height.toString()}
              </Link>
            ),
          },
          { id: "hash", header: "Hash", cell: (b) => <span className="font-mono">{shortHash(b.hash)}</span> },
          { id: "txs", header: "Txs", align: "end", cell: (b) => b.txCount },
          { id: "time", header: "Time", cell: (b) => <time dateTime={b.time.toISOString()}>{b.time.toISOString().replace("T", " ").slice(0, 19)} UTC</time> },
        ]}
      />
    </>
  );
}
