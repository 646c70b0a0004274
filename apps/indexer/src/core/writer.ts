import type { PrismaClient } from "@precision/db";
import type { ProjectionWrite } from "../projections/index.js";
import { insertRows, type Column } from "./bulk.js";
import type { IndexedBlock } from "./decode.js";

export const CURSOR_ID = "chain";

const TX_COLUMNS: Column[] = [
  { name: "hash", type: "text" },
  { name: "height", type: "bigint" },
  { name: "index", type: "int" },
  { name: "time", type: "timestamp(3)" },
  { name: "messages", type: "jsonb" },
  { name: "types", type: "text[]" },
  { name: "signers", type: "text[]" },
  { name: "memo", type: "text" },
  { name: "fee", type: "jsonb" },
  { name: "gasWanted", type: "bigint" },
  { name: "gasUsed", type: "bigint" },
  { name: "code", type: "int" },
  { name: "codespace", type: "text" },
  { name: "log", type: "text" },
];
const ADDRESS_COLUMNS: Column[] = [
  { name: "address", type: "text" },
  { name: "txHash", type: "text" },
  { name: "height", type: "bigint" },
  { name: "index", type: "int" },
];
const EVENT_COLUMNS: Column[] = [
  { name: "height", type: "bigint" },
  { name: "txIndex", type: "int" },
  { name: "eventIndex", type: "int" },
  { name: "type", type: "text" },
  { name: "attributes", type: "jsonb" },
];
const ATTRIBUTE_COLUMNS: Column[] = [
  { name: "height", type: "bigint" },
  { name: "txIndex", type: "int" },
  { name: "eventIndex", type: "int" },
  { name: "attrIndex", type: "int" },
  { name: "compositeKey", type: "text" },
  { name: "value", type: "text" },
];

export type WriteOutcome = "written" | "already-indexed";

export class CursorGapError extends Error {}

/** The rows of one block, built outside the transaction. */
export function blockRows(block: IndexedBlock) {
  const txs = block.txs.map((t) => [
    t.hash, block.height, t.index, block.time, t.messages, t.types, t.signers, t.memo, t.fee,
    t.gasWanted, t.gasUsed, t.code, t.codespace, t.log,
  ]);
  const addresses = block.txs.flatMap((t) => t.addresses.map((a) => [a, t.hash, block.height, t.index]));
  const events: unknown[][] = [];
  const attributes: unknown[][] = [];
  const addEvents = (txIndex: number, list: IndexedBlock["blockEvents"]) => {
    // As the chain's own tx index: one search row per (type.key, value) in a tx, at its first event.
    const seen = new Set<string>();
    list.forEach((e, eventIndex) => {
      events.push([block.height, txIndex, eventIndex, e.type, e.attributes]);
      e.attributes.forEach((a, attrIndex) => {
        const compositeKey = `${e.type}.${a.key}`;
        const dedupe = `${compositeKey}\u0000${a.value}`;
        if (!a.index || seen.has(dedupe)) return;
        seen.add(dedupe);
        attributes.push([block.height, txIndex, eventIndex, attrIndex, compositeKey, a.value]);
      });
    });
  };
  addEvents(-1, block.blockEvents);
  for (const t of block.txs) addEvents(t.index, t.events);
  return { txs, addresses, events, attributes };
}

/**
 * Writes one block, its projections and the cursor in one transaction. The cursor row is locked
 * first, so a second indexer (or a replay after a crash) either finds the block already written or
 * writes it whole; a block that does not follow the cursor is refused, so there are no gaps.
 */
export async function writeBlock(prisma: PrismaClient, block: IndexedBlock, projections: readonly ProjectionWrite[]): Promise<WriteOutcome> {
  const rows = blockRows(block);
  return prisma.$transaction(
    async (tx) => {
      const locked = await tx.$queryRawUnsafe<{ height: bigint }[]>(`SELECT "height" FROM "IndexerCursor" WHERE "id" = $1 FOR UPDATE`, CURSOR_ID);
      const cursor = locked[0]?.height;
      if (cursor !== undefined && cursor >= block.height) return "already-indexed";
      if (cursor !== undefined && cursor + 1n !== block.height) {
        throw new CursorGapError(`block ${block.height} does not follow the indexed height ${cursor}`);
      }
      await tx.chainBlock.create({
        data: {
          height: block.height,
          hash: block.hash,
          time: block.time,
          proposerAddress: block.proposer,
          appHash: block.appHash,
          resultAppHash: block.resultAppHash,
          txCount: block.txs.length,
        },
      });
      await insertRows(tx, "ChainTx", TX_COLUMNS, rows.txs);
      await insertRows(tx, "AddressTx", ADDRESS_COLUMNS, rows.addresses);
      await insertRows(tx, "ChainEvent", EVENT_COLUMNS, rows.events);
      await insertRows(tx, "ChainEventAttribute", ATTRIBUTE_COLUMNS, rows.attributes);
      for (const write of projections) await write(tx);
      await tx.indexerCursor.upsert({
        where: { id: CURSOR_ID },
        create: { id: CURSOR_ID, height: block.height, blockHash: block.hash },
        update: { height: block.height, blockHash: block.hash },
      });
      return "written";
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

export async function indexedHeight(prisma: PrismaClient): Promise<bigint | undefined> {
  const row = await prisma.indexerCursor.findUnique({ where: { id: CURSOR_ID } });
  return row?.height;
}

/** Empties every indexed table, for a database that must follow a rebuilt chain from its genesis. */
export async function resetIndexedState(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(
    `TRUNCATE "IndexerCursor", "ChainEventAttribute", "ChainEvent", "AddressTx", "ChainTx", "ChainBlock", "ChainAccount", "ChainBalance", "ChainMember", "ChainOrganization", "ChainDevice", "ChainRecord", "ChainGrant", "ChainEmergencyRule", "ChainAccessLogEntry", "ChainAlert"`,
  );
}
