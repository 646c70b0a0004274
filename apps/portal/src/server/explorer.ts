import "server-only";
import type { Prisma } from "@precision/db";
import { db } from "./db.ts";

export const PAGE_SIZE = 25;

const txListSelect = {
  hash: true,
  height: true,
  index: true,
  time: true,
  types: true,
  signers: true,
  code: true,
  codespace: true,
  gasUsed: true,
  fee: true,
} satisfies Prisma.ChainTxSelect;

export type TxListRow = Prisma.ChainTxGetPayload<{ select: typeof txListSelect }>;

/** The last block the indexer wrote, or undefined before the first one. */
export async function indexedHead(): Promise<bigint | undefined> {
  const cursor = await db().indexerCursor.findFirst({ select: { height: true } });
  return cursor?.height;
}

export async function latestBlocks(limit = 10) {
  return db().chainBlock.findMany({ orderBy: { height: "desc" }, take: limit });
}

export async function latestTxs(limit = 15): Promise<TxListRow[]> {
  return db().chainTx.findMany({ select: txListSelect, orderBy: [{ height: "desc" }, { index: "desc" }], take: limit });
}

export async function blockAt(height: bigint) {
  const block = await db().chainBlock.findUnique({ where: { height } });
  if (!block) return undefined;
  const txs = await db().chainTx.findMany({ select: txListSelect, where: { height }, orderBy: { index: "asc" } });
  return { block, txs };
}

export async function txByHash(hash: string) {
  const tx = await db().chainTx.findUnique({ where: { hash }, include: { block: { select: { hash: true, time: true } } } });
  if (!tx) return undefined;
  const events = await db().chainEvent.findMany({ where: { height: tx.height, txIndex: tx.index }, orderBy: { eventIndex: "asc" } });
  return { tx, events };
}

export async function accountOverview(address: string, page: number) {
  const [account, balances, memberships, total] = await Promise.all([
    db().chainAccount.findUnique({ where: { address } }),
    db().chainBalance.findMany({ where: { address }, orderBy: { denom: "asc" } }),
    db().chainMember.findMany({ where: { address }, include: { organization: true }, orderBy: { organizationId: "asc" } }),
    db().addressTx.count({ where: { address } }),
  ]);
  const links = await db().addressTx.findMany({
    where: { address },
    orderBy: [{ height: "desc" }, { index: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: { tx: { select: txListSelect } },
  });
  return { account, balances, memberships, total, txs: links.map((l) => l.tx) };
}
