import Link from "next/link";
import { Badge, DataTable } from "@precision/ui";
import { shortHash } from "@/lib/explorer-query.ts";
import type { TxListRow } from "@/server/explorer.ts";

const typeName = (typeUrl: string) => typeUrl.split(".").pop() ?? typeUrl;

export function TxTable({ caption, rows, emptyTitle }: { caption: string; rows: TxListRow[]; emptyTitle: string }) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(t) => t.hash}
      empty={{ title: emptyTitle }}
      columns={[
        {
          id: "hash",
          header: "Transaction",
          rowHeader: true,
          cell: (t) => (
            <Link href={`/explorer/txs/${t.hash}`} className="font-mono text-brand-700 underline" data-testid="tx-link" data-hash={t.hash}>
              {shortHash(t.hash)}
            </Link>
          ),
        },
        { id: "type", header: "Messages", cell: (t) => t.types.map(typeName).join(", ") || "—" },
        {
          id: "signer",
          header: "Signer",
          cell: (t) =>
            t.signers[0] ? (
              <Link href={`/explorer/accounts/${t.signers[0]}`} className="font-mono text-brand-700 underline">
                {shortHash(t.signers[0], 10)}
              </Link>
            ) : (
              "—"
            ),
        },
        {
          id: "height",
          header: "Block",
          align: "end",
          cell: (t) => (
            <Link href={`/explorer/blocks/${t.height}`} className="text-brand-700 underline">
              {t.height.toString()}
            </Link>
          ),
        },
        {
          id: "result",
          header: "Result",
          cell: (t) => (t.code === 0 ? <Badge tone="success">OK</Badge> : <Badge tone="danger">{`${t.codespace} ${t.code}`}</Badge>),
        },
        { id: "time", header: "Time", cell: (t) => <time dateTime={t.time.toISOString()}>{t.time.toISOString().replace("T", " ").slice(0, 19)} UTC</time> },
      ]}
    />
  );
}
