import { describe, expect, it } from "vitest";
import { EventBus, eventMap } from "./event-bus.js";
import { parseQuery } from "./query.js";

describe("EventBus", () => {
  it("delivers only to matching subscriptions and builds the payload once", () => {
    const bus = new EventBus();
    const got: string[] = [];
    let built = 0;
    bus.subscribe(parseQuery("tm.event='Tx' AND transfer.recipient='prec1a'"), (m) => got.push(`a:${String(m.data())}`));
    bus.subscribe(parseQuery("tm.event='Tx'"), (m) => got.push(`b:${String(m.data())}`));
    bus.subscribe(parseQuery("tm.event='NewBlock'"), () => got.push("block"));
    const events = eventMap({ "tm.event": "Tx" }, [{ type: "transfer", attributes: [{ key: "recipient", value: "prec1a" }] }]);
    bus.publish({ events, data: () => `payload${++built}` });
    expect(got).toEqual(["a:payload1", "b:payload1"]);
  });

  it("tells whether anyone could want an event type", () => {
    const bus = new EventBus();
    expect(bus.wants("Tx")).toBe(false);
    const off = bus.subscribe(parseQuery("tm.event='NewBlock'"), () => undefined);
    expect(bus.wants("Tx")).toBe(false);
    expect(bus.wants("NewBlock")).toBe(true);
    const any = bus.subscribe(parseQuery("message.sender='prec1a'"), () => undefined);
    expect(bus.wants("Tx")).toBe(true);
    any();
    off();
    expect(bus.size).toBe(0);
  });

  it("collects repeated attributes under one composite key and skips empty types and keys", () => {
    const m = eventMap({ "tm.event": "Tx" }, [
      { type: "coin_spent", attributes: [{ key: "amount", value: "1uusd" }, { key: "", value: "x" }] },
      { type: "coin_spent", attributes: [{ key: "amount", value: "2uusd" }] },
      { type: "", attributes: [{ key: "amount", value: "3uusd" }] },
    ]);
    expect([...m]).toEqual([
      ["tm.event", ["Tx"]],
      ["coin_spent.amount", ["1uusd", "2uusd"]],
    ]);
  });
});
