// Bad input at the RPC entry point gets CometBFT's JSON-RPC errors, and the node stays up.
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestNode, type TestNode } from "./support/node-process.js";

let node: TestNode;

interface RpcAnswer {
  id?: unknown;
  error?: { code: number; message: string; data?: string };
  result?: { sync_info?: { latest_block_height?: string } };
}

beforeAll(async () => {
  node = await createTestNode([]);
  await node.start();
});

afterAll(async () => {
  expect(await node?.stop()).toBe(0);
  await node?.remove();
});

async function post(body: string | object, headers: Record<string, string> = {}) {
  const res = await fetch(node.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => undefined)) as RpcAnswer | undefined,
  };
}

describe("RPC input", () => {
  it("answers malformed JSON with a parse error", async () => {
    const { status, body } = await post("{not json");
    expect(status).toBeGreaterThanOrEqual(200);
    expect(body?.error?.code).toBe(-32700);
  });

  it("answers an unknown method with -32601", async () => {
    const { status, body } = await post({
      jsonrpc: "2.0",
      id: 7,
      method: "no_such_method",
      params: {},
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ jsonrpc: "2.0", id: 7, error: { code: -32601 } });
  });

  it("answers bad params with a JSON-RPC error and a message, never a crash", async () => {
    for (const params of [{ height: "abc" }, { height: "-1" }, { height: "99999999" }]) {
      const { status, body } = await post({ jsonrpc: "2.0", id: 1, method: "block", params });
      expect(status).toBe(200);
      expect([-32600, -32602, -32603]).toContain(body?.error?.code);
      expect(String(body?.error?.data ?? body?.error?.message)).not.toHaveLength(0);
    }
    const tx = await post({
      jsonrpc: "2.0",
      id: 1,
      method: "broadcast_tx_sync",
      params: { tx: "%%%not-base64" },
    });
    expect(tx.body?.error).toBeDefined();
    const search = await post({
      jsonrpc: "2.0",
      id: 1,
      method: "tx_search",
      params: { query: "tx.height=='1' OR", page: "1" },
    });
    expect(search.body?.error).toBeDefined();
    const long = await post({
      jsonrpc: "2.0",
      id: 1,
      method: "tx_search",
      params: { query: `tx.height=${"1".repeat(600)}` },
    });
    expect(long.body?.error).toBeDefined();
  });

  it("refuses an oversized body", async () => {
    const { status, body } = await post({
      jsonrpc: "2.0",
      id: 1,
      method: "broadcast_tx_sync",
      params: { tx: "A".repeat(2_000_000) },
    });
    expect(status === 413 || status === 400 || body?.error !== undefined).toBe(true);
  });

  it("serves GET routes and CORS preflight like CometBFT", async () => {
    const health = await fetch(`${node.rpcUrl}/health`);
    expect(health.status).toBe(200);
    const preflight = await fetch(node.rpcUrl, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:3000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get("access-control-allow-origin")).toBeTruthy();
  });

  it("rejects a bad subscription query over the WebSocket and stays up", async () => {
    const ws = new WebSocket(`${node.wsUrl}/websocket`);
    await new Promise((r) => ws.once("open", r));
    const answer = new Promise<RpcAnswer>((resolve) =>
      ws.once("message", (d) => resolve(JSON.parse(String(d)))),
    );
    ws.send(
      JSON.stringify({
        jsonrpc: "2.0",
        id: 3,
        method: "subscribe",
        params: { query: "tm.event='NewBlock' AND" },
      }),
    );
    expect((await answer).error).toBeDefined();
    ws.close();
    const status = await post({ jsonrpc: "2.0", id: 1, method: "status", params: {} });
    expect(Number(status.body?.result?.sync_info?.latest_block_height)).toBeGreaterThan(0);
  });
});
