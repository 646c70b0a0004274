import type { Metadata } from "next";
import { Card, DescriptionList, PageHeader } from "@precision/ui";
import { parseHeight } from "@/lib/explorer-query.ts";
import { blockAt, indexedHead } from "@/server/explorer.ts";
import { ExplorerError } from "../../_components/explorer-error.tsx";
import { TxTable } from "../../_components/tx-table.tsx";

export const metadata: Metadata = { title: "Block · Ledger explorer" };

export default async function Page({ params }: { params: Promise<{ height: string }> }) {
  const { height: raw } = await params;
  const height = parseHeight(raw);
  if (height === undefined) {
    return <ExplorerError title="Not a block height" description={`"${decodeURIComponent(raw)}" is not a block height; heights are whole numbers from 1.`} />;
  }
  const found = await blockAt(height);
  if (!found) {
    const head = await indexedHead();
    return (
      <ExplorerError
        title={`Block ${height} is not in the index`}
        description={head !== undefined && height > head ? `The index reaches block ${head}; block ${height} has not been produced or indexed yet.` : "The index has no such block."}
      />
    );
  }
  const { block, txs } = found;
  return (
    <>
      <PageHeader eyebrow="Block" title={`Block ${block.height}`} />
      <Card title="Header">
        <DescriptionList
          items={[
            { key: "hash", term: "Hash", detail: <span className="font-mono break-all">{block.hash}</span> },
            { key: "time", term: "Time", detail: block.time.toISOString() },
            { key: "proposer", term: "Proposer", detail: <span className="font-mono">{block.proposerAddress}</span> },
            { key: "app", term: "App hash (state before)", detail: <span className="font-mono break-all">{block.appHash}</span> },
            { key: "result", term: "App hash (state after)", detail: <span className="font-mono break-all">{block.resultAppHash}</span> },
            { key: "txs", term: "Transactions", detail: block.txCount },
          ]}
        />
      </Card>
      <TxTable caption={`Transactions in block ${block.height}`} rows={txs} emptyTitle="This block has no transactions" />
    </>
  );
}
