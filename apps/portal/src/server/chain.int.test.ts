import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { fetchChainStatus } from "./chain.ts";

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A real HTTP listener that answers like the CometBFT JSON-RPC endpoint does (POST /). */
async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe("fetchChainStatus over HTTP", () => {
  it("POSTs a JSON-RPC status call and reads chain id and height", async () => {
    let seen: { method?: string; url?: string; body?: unknown } = {};
    const url = await listen((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        seen = { method: req.method, url: req.url, body: JSON.parse(body) };
        res.setHeader("content-type", "application/json");
        res.end(
          JSON.stringify({
            jsonrpc: "2.0",
            id: 1,
            result: {
              node_info: { network: "precision-local-1" },
              sync_info: { latest_block_height: "77", catching_up: false },
            },
          }),
        );
      });
    });
    expect(await fetchChainStatus(url)).toEqual({
      online: true,
      chainId: "precision-local-1",
      height: "77",
      catchingUp: false,
    });
    expect(seen).toEqual({
      method: "POST",
      url: "/",
      body: { jsonrpc: "2.0", id: 1, method: "status", params: {} },
    });
  });

  it("gives up after 1.5 s when the node does not answer", async () => {
    const url = await listen(() => {});
    const started = Date.now();
    expect(await fetchChainStatus(url)).toEqual({
      online: false,
      reason: "no answer within 1.5 s",
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("reports a refused connection and an HTTP error as offline", async () => {
    const url = await listen((_req, res) => {
      res.statusCode = 502;
      res.end("bad gateway");
    });
    expect(await fetchChainStatus(url)).toEqual({ online: false, reason: "HTTP 502" });
    expect(await fetchChainStatus("http://127.0.0.1:1")).toEqual({
      online: false,
      reason: "unreachable",
    });
  });
});
