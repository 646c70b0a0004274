import { describe, expect, it } from "vitest";
import { parseChainStatus } from "./chain-status.ts";

describe("parseChainStatus", () => {
  it("reads chain id and height from a CometBFT 0.38 status result", () => {
    const body = {
      jsonrpc: "2.0",
      id: 1,
      result: {
        node_info: { network: "precision-local-1", version: "0.38.17" },
        sync_info: { latest_block_height: "1234", catching_up: false },
      },
    };
    expect(parseChainStatus(body)).toEqual({
      online: true,
      chainId: "precision-local-1",
      height: "1234",
      catchingUp: false,
    });
  });

  it("reports a JSON-RPC error as offline with the node's message", () => {
    expect(
      parseChainStatus({
        jsonrpc: "2.0",
        id: 1,
        error: { code: -32601, message: "Method not found" },
      }),
    ).toEqual({
      online: false,
      reason: "node error: Method not found",
    });
  });

  it.each([
    [null],
    ["<html>"],
    [{}],
    [{ result: { node_info: { network: "x" }, sync_info: { latest_block_height: 12 } } }],
  ])("treats %j as offline", (body) => {
    expect(parseChainStatus(body).online).toBe(false);
  });
});
