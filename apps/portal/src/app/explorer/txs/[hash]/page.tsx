import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, DataTable, DescriptionList, PageHeader } from "@precision/ui";
import { normalizeHash } from "@/lib/explorer-query.ts";
import { txByHash } from "@/server/explorer.ts";
import { verifyTxAgainstChain } from "@/server/verify-tx.ts";
import { ExplorerError } from "../../_components/explorer-error.tsx";

export const metadata: Metadata = { title: "Transaction · Ledger explorer" };

interface Fee {
  amount: { denom: string; amount: string }[];
  gasLimit: string;
}

export default async function Page({ params }: { params: Promise<{ hash: string }> }) {
  const { hash: raw } = await params;
  const hash = normalizeHash(raw);
  if (!hash) return <ExplorerError title="Not a transaction hash" description="A transaction hash is 64 hexadecimal digits." />;
  const found = await txByHash(hash);
  if (!found) {
    return <ExplorerError title="No such transaction" description={`No indexed transaction has the hash ${hash}. It may not be committed yet, or it belongs to another chain.`} />;
  }
  const { tx, events } = found;
  const verification = await verifyTxAgainstChain({ hash: tx.hash, height: tx.height, index: tx.index, code: tx.code, gasUsed: tx.gasUsed, blockHash: tx.block.hash });
  const fee = tx.fee as unknown as Fee;
  return (
    <>
      <PageHeader eyebrow="Transaction" title={<span className="font-mono break-all text-xl">{tx.hash}</span>} />
      <div data-testid="verification">
        {verification.status === "verified" && (
          <Badge tone="success" dot title={`The node holds this tx in block ${verification.height} (${verification.blockHash}) exactly as cached`}>
            <span data-testid="verified-mark">Verified against the chain</span>
          </Badge>
        )}
        {verification.status === "mismatch" && (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900" data-testid="verification-warning">
            <p className="font-semibold">The cache and the chain disagree about this transaction.</p>
            <ul className="mt-2 list-disc pl-5">
              {verification.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {verification.status === "unavailable" && (
          <Badge tone="warning" dot>
            <span data-testid="verification-unavailable">Not verified: {verification.reason}</span>
          </Badge>
        )}
      </div>
      <Card title="Summary">
        <DescriptionList
          items={[
            {
              key: "result",
              term: "Result",
              detail: tx.code === 0 ? <Badge tone="success">Success</Badge> : <Badge tone="danger">{`Failed: ${tx.codespace} code ${tx.code}`}</Badge>,
            },
            { key: "log", term: "Log", detail: tx.log || "—" },
            {
              key: "block",
              term: "Block",
              detail: (
                <Link href={`/explorer/blocks/${tx.height}`} className="text-brand-700 underline">
                  {`${tx.height} (position ${tx.index})`}
                </Link>
              ),
            },
            { key: "time", term: "Time", detail: tx.time.toISOString() },
            {
              key: "signers",
              term: "Signer",
              detail: tx.signers.map((s) => (
                <Link key={s} href={`/explorer/accounts/${s}`} className="block font-mono text-brand-700 underline" data-testid="signer-link">
                  {s}
                </Link>
              )),
            },
            { key: "fee", term: "Fee", detail: fee.amount.map((c) => `${c.amount} ${c.denom}`).join(", ") || "none" },
            { key: "gas", term: "Gas used / wanted", detail: `${tx.gasUsed} / ${tx.gasWanted}` },
            { key: "memo", term: "Memo", detail: tx.memo || "—" },
          ]}
        />
      </Card>
      <Card title="Messages">
        <pre className="overflow-x-auto rounded bg-canvas p-3 text-xs" data-testid="tx-messages">
          {JSON.stringify(tx.messages, null, 2)}
        </pre>
      </Card>
      <DataTable
        caption="Events"
        rows={events}
        rowKey={(e) => String(e.eventIndex)}
        columns={[
          { id: "type", header: "Type", rowHeader: true, cell: (e) => <span className="font-mono">{e.type}</span> },
          {
            id: "attributes",
            header: "Attributes",
            cell: (e) => (
              <dl className="grid grid-cols-[max-content_1fr] gap-x-3 font-mono text-xs">
                {(e.attributes as { key: string; value: string }[]).map((a, i) => (
                  <div key={i} className="contents">
                    <dt className="text-ink-muted">{a.key}</dt>
                    <dd className="break-all">{a.value}</dd>
                  </div>
                ))}
              </dl>
            ),
          },
        ]}
      />
    </>
  );
}
