import type { IndexedBlock } from "../core/decode.js";
import { unquote } from "./touched.js";

/**
 * The values of `keys` in every event whose type starts with `prefix` (typed events of one
 * module), across block events and every tx, sorted and deduplicated.
 */
export function typedEventValues(block: IndexedBlock, prefix: string, keys: readonly string[]): string[] {
  const out = new Set<string>();
  for (const events of [block.blockEvents, ...block.txs.map((t) => t.events)]) {
    for (const e of events) {
      if (!e.type.startsWith(prefix)) continue;
      for (const a of e.attributes) {
        if (!keys.includes(a.key)) continue;
        const v = unquote(a.value);
        if (v !== "" && v !== "0") out.add(v);
      }
    }
  }
  return [...out].sort();
}

/** The ids of genesis entities in a module's app_state section. */
export function genesisIds(section: unknown, list: string): string[] {
  const items = (section as Record<string, unknown> | undefined)?.[list];
  return Array.isArray(items) ? items.map((i) => String((i as { id?: unknown }).id ?? "")).filter((id) => id !== "") : [];
}

/** An enum value's name without its prefix, e.g. RECORD_CLASS_VITALS → VITALS. */
export function enumLabel(table: Record<number, string>, value: number, prefix: string): string {
  const name = table[value] ?? String(value);
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** A proto Timestamp as a Date (undefined stays undefined). */
export function toDate(ts: { seconds: bigint; nanos: number } | undefined): Date | undefined {
  return ts === undefined ? undefined : new Date(Number(ts.seconds) * 1000 + Math.floor(ts.nanos / 1e6));
}

const U64 = (id: bigint) => {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, id);
  return out;
};

/** A store key: one prefix byte, then a u64 id (big-endian) or a UTF-8 string id. */
export function idKey(prefix: number, id: bigint | string): Uint8Array {
  const tail = typeof id === "bigint" ? U64(id) : new TextEncoder().encode(id);
  return Uint8Array.of(prefix, ...tail);
}
