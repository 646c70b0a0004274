import { fromBech32 } from "@cosmjs/encoding";
import { insertRows, updateAllBut, type Column } from "../../core/bulk.js";
import type { Projection } from "../projection.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const COIN = /^(\d+)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/;

/** chain/modules/bank/types/keys.ts: 0x02 | len(address) | address | denom → decimal string. */
export function balanceKey(address: string, denom: string): Uint8Array {
  const { data } = fromBech32(address, 90);
  return Uint8Array.of(0x02, data.length, ...data, ...encoder.encode(denom));
}

export function denomsOf(coins: string): string[] {
  return coins
    .split(",")
    .map((c) => COIN.exec(c.trim())?.[2])
    .filter((d): d is string => d !== undefined);
}

interface GenesisBalance {
  address?: string;
  coins?: { denom?: string }[];
}

const COLUMNS: Column[] = [
  { name: "address", type: "text" },
  { name: "denom", type: "text" },
  { name: "amount", type: "text" },
  { name: "updatedHeight", type: "bigint" },
];

/**
 * Balances of every (address, denom) the block moved. The SDK emits coin_spent / coin_received for
 * every balance change, which names the pairs; the amounts are read from the node at the height.
 */
export const bankProjection: Projection = {
  module: "bank",
  async load({ block, genesisAppState, state }) {
    const pairs = new Map<string, { address: string; denom: string }>();
    const add = (address: string, denom: string) => pairs.set(`${address}\u0000${denom}`, { address, denom });
    const genesis = (genesisAppState?.bank as { balances?: GenesisBalance[] } | undefined)?.balances ?? [];
    for (const b of genesis) for (const c of b.coins ?? []) if (b.address && c.denom) add(b.address, c.denom);
    const sources = [block.blockEvents, ...block.txs.map((t) => t.events)];
    for (const events of sources) {
      for (const e of events) {
        const who = e.type === "coin_spent" ? "spender" : e.type === "coin_received" ? "receiver" : undefined;
        if (!who) continue;
        const address = e.attributes.find((a) => a.key === who)?.value;
        const amount = e.attributes.find((a) => a.key === "amount")?.value;
        if (address && amount) for (const d of denomsOf(amount)) add(address, d);
      }
    }
    const list = [...pairs.keys()].sort().map((k) => pairs.get(k)!);
    const values = await state.getMany(block.height, list.map((p) => ({ store: "bank", key: balanceKey(p.address, p.denom) })));
    return async (tx) => {
      const rows: unknown[][] = [];
      const zero: { address: string; denom: string }[] = [];
      list.forEach((p, i) => {
        const v = values[i];
        if (v === undefined) zero.push(p);
        else rows.push([p.address, p.denom, decoder.decode(v), block.height]);
      });
      if (zero.length) await tx.chainBalance.deleteMany({ where: { OR: zero } });
      await insertRows(tx, "ChainBalance", COLUMNS, rows, updateAllBut(["address", "denom"], COLUMNS));
    };
  },
};
