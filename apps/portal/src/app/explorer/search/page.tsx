import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@precision/ui";
import { classifySearch } from "@/lib/explorer-query.ts";
import { ExplorerError } from "../_components/explorer-error.tsx";

export const metadata: Metadata = { title: "Search · Ledger explorer" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).q;
  const q = Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "");
  const target = classifySearch(q);
  if (target.kind === "tx") redirect(`/explorer/txs/${target.hash}`);
  if (target.kind === "account") redirect(`/explorer/accounts/${target.address}`);
  if (target.kind === "block") redirect(`/explorer/blocks/${target.height}`);
  return (
    <>
      <PageHeader eyebrow="Ledger" title="Search" />
      <ExplorerError title="Nothing to look up" description={target.reason} />
    </>
  );
}
