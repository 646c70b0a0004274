// Every RPC method, called over JSON-RPC (named and positional params), GET and the WebSocket with
// random and hostile arguments, answers with a result or a JSON-RPC error; nothing fails unexpectedly inside
// the node (it logs "rpc <method> failed" when something does), and the node keeps making blocks.
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../runtime/testing/seeded-random.js";
import { methods } from "../engine/rpc/methods.js";
import type { ParamKind } from "../engine/rpc/params.js";
import { createTestNode, type TestNode } from "./support/node-process.js";

let node: TestNode;

beforeAll(async () => {
  node = await createTestNode([]);
  await node.start();
});

afterAll(async () => {
  expect(await node?.stop()).toBe(0);
  await node?.remove();
});

const hostile: unknown[] = [null, true, false, 0, -1, 1.5, 1e21, "", " ", "null", "0x", "'", '"', "\u0000", "\u{1F9EC}", "%", "a".repeat(5000), [], [1], {}, { a: 1 }];

/** Values for a parameter of `kind`: well-formed ones (small, at the edges) mixed with hostile ones. */
const plausible: Record<ParamKind, unknown[]> = {
  int: ["0", "1", "2", "-1", 1, 2, "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999", "1e3", "0001"],
  string: [
    "tx.height=1",
    "tx.height >= 1 AND tx.height <= 3",
    "block.height > 0",
    "message.action='/cosmos.bank.v1beta1.MsgSend'",
    "tm.event='NewBlock'",
    "a.b EXISTS",
    "tx.height = 'x'",
    "tx.height > 1 AND",
    "asc",
    "desc",
    "/app/version",
    "/cosmos.bank.v1beta1.Query/Balance",
    "/store/bank/key",
    "/a/b/c",
  ],
  bytes: ["", "AAAA", "CgA=", "!!!!", "AA", Buffer.alloc(2048, 7).toString("base64")],
  hex: ["", "00", "ABCD", "zz", "0".repeat(64), "F".repeat(63), "0".repeat(40)],
  bool: [true, false, "true", 1],
};

function pick<T>(random: (n: number) => number, values: readonly T[]): T {
  return values[random(values.length)]!;
}

function argument(random: (n: number) => number, kind: ParamKind): unknown {
  return random(3) === 0 ? pick(random, hostile) : pick(random, plausible[kind]);
}

/** A GET query-string value: CometBFT's URI forms (quoted strings, 0x hex, bare ints) or junk. */
function uriArgument(random: (n: number) => number, kind: ParamKind): string {
  const value = argument(random, kind);
  switch (random(4)) {
    case 0:
      return JSON.stringify(value) ?? "";
    case 1:
      return `0x${Buffer.from(String(value)).toString("hex")}`;
    default:
      return String(value);
  }
}

interface Answer {
  jsonrpc?: string;
  id?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: string };
}

function expectAnswer(what: string, status: number, body: Answer | undefined): void {
  expect(body, `${what}: no JSON body (HTTP ${status})`).toBeDefined();
  if (body!.error !== undefined) {
    expect([-32600, -32602, -32603, -32700], `${what}: ${JSON.stringify(body)}`).toContain(body!.error.code);
    expect(body!.error.message.length, what).toBeGreaterThan(0);
  } else {
    expect(body!.result, `${what}: neither result nor error`).toBeDefined();
  }
}

describe("RPC fuzz", () => {
  it("answers every method's random and hostile arguments with a result or a JSON-RPC error, and keeps making blocks", async () => {
    const before = await height();
    let calls = 0;
    for (const [name, method] of Object.entries(methods).sort(([a], [b]) => a.localeCompare(b))) {
      for (let seed = 1; seed <= 40; seed++) {
        const random = seededRandom(seed * 7919 + name.length);
        const positional = random(2) === 0;
        const params = positional
          ? method.params.map(([, kind]) => argument(random, kind))
          : Object.fromEntries(method.params.filter(() => random(4) !== 0).map(([param, kind]) => [param, argument(random, kind)]));
        if (random(8) === 0 && !positional) (params as Record<string, unknown>).unexpected = pick(random, hostile);
        const request = { jsonrpc: "2.0", id: seed, method: name, params };
        const res = await fetch(node.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
        const what = `${name} seed ${seed} ${JSON.stringify(params).slice(0, 300)}`;
        expect(res.status, what).toBe(200);
        const body = (await res.json()) as Answer;
        expect(body.id, what).toBe(seed);
        expectAnswer(what, res.status, body);

        const query = new URLSearchParams(method.params.filter(() => random(3) !== 0).map(([param, kind]): [string, string] => [param, uriArgument(random, kind)]));
        const get = await fetch(`${node.rpcUrl}/${name}?${query}`);
        expectAnswer(`GET /${name}?${query}`.slice(0, 400), get.status, (await get.json().catch(() => undefined)) as Answer | undefined);
        calls += 2;
      }
    }
    expect(calls).toBeGreaterThan(1000);
    expectNoUnexpectedFailure();
    await expect.poll(height, { timeout: 5_000 }).toBeGreaterThan(before);
  });

  it("answers every WebSocket frame, garbage and random subscriptions included, and keeps serving", async () => {
    const before = await height();
    const ws = new WebSocket(`${node.wsUrl}/websocket`);
    const answered = new Set<unknown>();
    // Frames that are no request at all (garbage, binary, JSON that is no object) are answered with an error and no id.
    let unaddressedErrors = 0;
    ws.on("message", (data) => {
      const msg = JSON.parse(String(data)) as Answer;
      if (msg.error !== undefined && (msg.id === null || msg.id === undefined)) unaddressedErrors++;
      if (msg.result !== undefined || msg.error !== undefined) answered.add(msg.id);
    });
    await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
    const names = [...Object.keys(methods), "subscribe", "unsubscribe", "unsubscribe_all", "no_such_method"];
    const ids: number[] = [];
    let garbage = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const random = seededRandom(seed);
      if (random(10) === 0) {
        ws.send(pick(random, ["{", "[]", "null", "\u0000", "a".repeat(3000)]));
        garbage++;
        continue;
      }
      if (random(20) === 0) {
        ws.send(Buffer.from([0xff, 0x00, random(256)]));
        garbage++;
        continue;
      }
      const method = pick(random, names);
      const params = method.includes("subscribe") ? { query: argument(random, "string") } : Object.fromEntries((methods[method]?.params ?? []).map(([param, kind]) => [param, argument(random, kind)]));
      ws.send(JSON.stringify({ jsonrpc: "2.0", id: seed, method, params }));
      ids.push(seed);
    }
    await expect.poll(() => ids.filter((id) => !answered.has(id)).length, { timeout: 15_000 }).toBe(0);
    await expect.poll(() => unaddressedErrors, { timeout: 5_000 }).toBe(garbage);
    ws.close();
    expectNoUnexpectedFailure();
    await expect.poll(height, { timeout: 5_000 }).toBeGreaterThan(before);
  });
});

function expectNoUnexpectedFailure(): void {
  const failures = node.log.join("").split("\n").filter((line) => /rpc \S+ failed/.test(line));
  expect(failures.slice(0, 5)).toEqual([]);
}

async function height(): Promise<number> {
  const res = await fetch(`${node.rpcUrl}/status`);
  const body = (await res.json()) as { result: { sync_info: { latest_block_height: string } } };
  return Number(body.result.sync_info.latest_block_height);
}
