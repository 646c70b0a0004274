// tx_search follows CometBFT 0.38: total_count, 1-based pages, per_page (default 30, max 100),
// order_by asc/desc by height then index, and errors for out-of-range pages.
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, calculateFee } from "@cosmjs/stargate";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestNode, type TestNode } from "./support/node-process.js";

const TXS = 35;
let node: TestNode;
let sender: string;

interface SearchResult {
  total_count: string;
  txs: { hash: string; height: string; index: number }[];
}

async function search(params: Record<string, string>) {
  const res = await fetch(node.rpcUrl, {
    method: "POST",
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tx_search", params }),
  });
  return (await res.json()) as { result?: SearchResult; error?: { code: number; data?: string } };
}

beforeAll(async () => {
  const wallet = await DirectSecp256k1HdWallet.generate(12, { prefix: "prec" });
  sender = (await wallet.getAccounts())[0]!.address;
  const to = (
    await (await DirectSecp256k1HdWallet.generate(12, { prefix: "prec" })).getAccounts()
  )[0]!.address;
  node = await createTestNode([{ address: sender, coins: "1000000000uusd" }]);
  await node.start();
  const client = await SigningStargateClient.connectWithSigner(node.rpcUrl, wallet, {
    broadcastPollIntervalMs: 100,
  });
  const { accountNumber, sequence } = await client.getSequence(sender);
  const fee = calculateFee(100_000, GasPrice.fromString("0.025uusd"));
  const msg = {
    typeUrl: "/cosmos.bank.v1beta1.MsgSend",
    value: { fromAddress: sender, toAddress: to, amount: [{ denom: "uusd", amount: "1" }] },
  };
  for (let n = 0; n < TXS; n++) {
    const raw = await client.sign(sender, [msg], fee, "", {
      accountNumber,
      sequence: sequence + n,
      chainId: "precision-local-1",
    });
    await client.broadcastTxSync(TxRaw.encode(raw).finish());
  }
  for (let i = 0; i < 50; i++) {
    const r = await search({ query: `message.sender='${sender}'` });
    if (r.result?.total_count === String(TXS)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
});

afterAll(async () => {
  await node?.remove();
});

describe("tx_search", () => {
  it("pages with a default of 30 and orders by height then index", async () => {
    const first = await search({ query: `message.sender='${sender}'` });
    expect(first.result?.total_count).toBe(String(TXS));
    expect(first.result?.txs).toHaveLength(30);
    const second = await search({ query: `message.sender='${sender}'`, page: "2" });
    expect(second.result?.txs).toHaveLength(TXS - 30);
    const all = [...first.result!.txs, ...second.result!.txs];
    expect(new Set(all.map((t) => t.hash)).size).toBe(TXS);
    const keys = all.map((t) => Number(t.height) * 100_000 + t.index);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));

    const desc = await search({
      query: `message.sender='${sender}'`,
      per_page: "100",
      order_by: "desc",
    });
    expect(desc.result?.txs.map((t) => t.hash)).toEqual([...all].reverse().map((t) => t.hash));
    const small = await search({ query: `message.sender='${sender}'`, per_page: "10", page: "4" });
    expect(small.result?.txs).toHaveLength(5);
  });

  it("refuses a page out of range and a bad order_by", async () => {
    expect((await search({ query: `message.sender='${sender}'`, page: "9" })).error).toBeDefined();
    expect(
      (await search({ query: `message.sender='${sender}'`, order_by: "sideways" })).error,
    ).toBeDefined();
    const none = await search({ query: "message.sender='prec1nobody'" });
    expect(none.result).toEqual({ total_count: "0", txs: [] });
  });
});
