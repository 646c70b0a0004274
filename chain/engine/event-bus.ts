// In-process pubsub of NewBlock / NewBlockHeader / Tx events matched with the CometBFT query
// language. Payloads are built lazily, only when some subscription matches.
import { matches, type EventMap, type Query } from "./query.js";

export interface BusMessage {
  readonly events: EventMap;
  /** `{type, value}` as in CometBFT's `result.data`. */
  readonly data: () => unknown;
}

type Listener = (msg: BusMessage, events: EventMap) => void;

export class EventBus {
  private readonly subs = new Set<{ query: Query; listener: Listener }>();

  subscribe(query: Query, listener: Listener): () => void {
    const sub = { query, listener };
    this.subs.add(sub);
    return () => this.subs.delete(sub);
  }

  get size(): number {
    return this.subs.size;
  }

  /**
   * Whether any subscription could match an event of this `tm.event` type; lets the publisher
   * skip building per-tx event maps when only blocks are watched (an indexer, an explorer).
   */
  wants(tmEvent: string): boolean {
    for (const s of this.subs) {
      const typed = s.query.conditions.filter((c) => c.tag === "tm.event" && c.op === "=");
      if (typed.length === 0 || typed.every((c) => c.arg?.value === tmEvent)) return true;
    }
    return false;
  }

  publish(msg: BusMessage): void {
    let data: unknown;
    let built = false;
    const shared: BusMessage = {
      events: msg.events,
      data: () => {
        if (!built) [data, built] = [msg.data(), true];
        return data;
      },
    };
    for (const s of this.subs) {
      if (matches(s.query, msg.events)) s.listener(shared, msg.events);
    }
  }
}

export function eventMap(base: Record<string, string>, events: readonly { type: string; attributes: readonly { key: string; value: string }[] }[]): EventMap {
  const m = new Map<string, string[]>();
  for (const [k, v] of Object.entries(base)) m.set(k, [v]);
  for (const e of events) {
    if (!e.type) continue;
    for (const a of e.attributes) {
      if (!a.key) continue;
      const k = `${e.type}.${a.key}`;
      const list = m.get(k);
      if (list) list.push(a.value);
      else m.set(k, [a.value]);
    }
  }
  return m;
}
