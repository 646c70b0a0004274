import type { IndexedBlock, IndexedEvent } from "../core/decode.js";

/** Values of `key` in events of `type` across the block's successful and failed txs and block events. */
export function attributeValues(block: IndexedBlock, type: string, key: string): string[] {
  const out = new Set<string>();
  const scan = (events: readonly IndexedEvent[]) => {
    for (const e of events) if (e.type === type) for (const a of e.attributes) if (a.key === key) out.add(a.value);
  };
  scan(block.blockEvents);
  for (const tx of block.txs) scan(tx.events);
  return [...out].sort();
}

/** Typed events carry JSON-encoded values ("\"acme\""); plain SDK events carry raw strings. */
export function unquote(value: string): string {
  if (value.startsWith('"')) {
    try {
      const v: unknown = JSON.parse(value);
      if (typeof v === "string") return v;
    } catch {
      // not JSON: the raw value
    }
  }
  return value;
}
