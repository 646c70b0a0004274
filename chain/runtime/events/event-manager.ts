import type { Event } from "cosmjs-types/tendermint/abci/types";

export interface EventAttribute {
  readonly key: string;
  readonly value: string;
  /** Whether CometBFT's kv indexer stores it; true unless the emitter opts out. */
  readonly index: boolean;
}

export interface ChainEvent {
  readonly type: string;
  readonly attributes: readonly EventAttribute[];
}

/** An attribute given as [key, value] is indexed; pass [key, value, false] to keep it out of the index. */
export type AttributeInput = readonly [key: string, value: string, index?: boolean];

export function makeEvent(type: string, attributes: readonly AttributeInput[]): ChainEvent {
  if (type.length === 0) throw new Error("event type must not be empty");
  return {
    type,
    attributes: attributes.map(([key, value, index]) => {
      if (key.length === 0) throw new Error(`event ${type}: attribute key must not be empty`);
      return { key, value, index: index ?? true };
    }),
  };
}

/** Collects the events of one execution scope; a failed scope's manager is simply dropped. */
export class EventManager {
  private readonly collected: ChainEvent[] = [];

  emit(type: string, attributes: readonly AttributeInput[]): void {
    this.collected.push(makeEvent(type, attributes));
  }

  emitEvent(event: ChainEvent): void {
    this.collected.push(event);
  }

  emitEvents(events: readonly ChainEvent[]): void {
    for (const e of events) this.collected.push(e);
  }

  events(): readonly ChainEvent[] {
    return this.collected;
  }
}

/**
 * The ABCI form of events. A ChainEvent already has that shape ({type, attributes: [{key, value,
 * index}]}) and nothing modifies either once emitted, so the same objects are handed over:
 * copying every attribute of every tx, in CheckTx and again in FinalizeBlock, was a measurable
 * share of the garbage.
 */
export function toAbciEvents(events: readonly ChainEvent[]): Event[] {
  return events as ChainEvent[] as Event[];
}

/** The msg_index attribute of message `msgIndex`; shared and frozen, as nothing modifies an emitted event. */
export function msgIndexAttribute(msgIndex: number): EventAttribute {
  let attr = msgIndexAttributes[msgIndex];
  if (attr === undefined) {
    attr = Object.freeze({ key: "msg_index", value: String(msgIndex), index: true });
    if (msgIndex < 64) msgIndexAttributes[msgIndex] = attr;
  }
  return attr;
}

const msgIndexAttributes: EventAttribute[] = [];

/** Appends msg_index to every event a message produced, as baseapp does since SDK 0.50. */
export function withMsgIndex(events: readonly ChainEvent[], msgIndex: number): ChainEvent[] {
  const attr = msgIndexAttribute(msgIndex);
  return events.map((e) => ({ type: e.type, attributes: [...e.attributes, attr] }));
}
