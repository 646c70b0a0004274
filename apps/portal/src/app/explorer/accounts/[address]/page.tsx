import type { Metadata } from "next";
import Link from "next/link";
import { isPrecisionAddress } from "@precision/client";
import { Card, DataTable, DescriptionList, PageHeader } from "@precision/ui";
import { parsePage } from "@/lib/explorer-query.ts";
import { accountOverview, PAGE_SIZE } from "@/server/explorer.ts";
import { ExplorerError } from "../../_components/explorer-error.tsx";
import { TxTable } from "../../_components/tx-table.tsx";

export const metadata: Metadata = { title: "Account · Ledger explorer" };

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ address: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const address = decodeURIComponent((await params).address).toLowerCase();
  if (!isPrecisionAddress(address)) {
    return <ExplorerError title="Not a Precision address" description={`"${address.slice(0, 100)}" is not a valid prec1… account address.`} />;
  }
  const page = parsePage((await searchParams).page);
  const { account, balances, memberships, total, txs } = await accountOverview(address, page);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <PageHeader eyebrow="Account" title={<span className="font-mono break-all text-xl">{address}</span>} />
      {!account && balances.length === 0 && total === 0 && (
        <ExplorerError title="Nothing on chain for this address yet" description="The address is valid, but no transaction or balance involving it has been indexed." />
      )}
      <Card title="Account">
        <DescriptionList
          items={[
            { key: "number", term: "Account number", detail: account ? account.accountNumber.toString() : "not created" },
            { key: "sequence", term: "Sequence", detail: account ? account.sequence.toString() : "—" },
            { key: "key", term: "Public key", detail: <span className="font-mono break-all">{account?.pubKey ?? "not yet revealed"}</span> },
            {
              key: "balances",
              term: "Balances",
              detail: (
                <span data-testid="balances">{balances.map((b) => `${b.amount} ${b.denom}`).join(", ") || "0"}</span>
              ),
            },
          ]}
        />
      </Card>
      <DataTable
        caption="Organisations"
        rows={memberships}
        rowKey={(m) => m.organizationId}
        empty={{ title: "Not a member of any organisation" }}
        columns={[
          { id: "org", header: "Organisation", rowHeader: true, cell: (m) => m.organization.name },
          { id: "type", header: "Type", cell: (m) => m.organization.type },
          { id: "roles", header: "Roles", cell: (m) => m.roles.join(", ") },
          { id: "title", header: "Title", cell: (m) => m.title || "—" },
          { id: "active", header: "Status", cell: (m) => (m.active ? "active" : "removed") },
        ]}
      />
      <TxTable caption={`Transactions (${total})`} rows={txs} emptyTitle="No transactions" />
      {pages > 1 && (
        <nav aria-label="Transaction pages" className="flex items-center gap-4 text-sm">
          {page > 1 && (
            <Link href={`?page=${page - 1}`} className="text-brand-700 underline">
              Newer
            </Link>
          )}
          <span>
            Page {Math.min(page, pages)} of {pages}
          </span>
          {page < pages && (
            <Link href={`?page=${page + 1}`} className="text-brand-700 underline">
              Older
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
