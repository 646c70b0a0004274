// CometBFT 0.38 RPC methods beyond what CosmJS's StargateClient calls: check_tx, block_search,
// header_by_hash, consensus_params and genesis_chunked, over JSON-RPC and GET, against the real
// node process.
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, calculateFee } from "@cosmjs/stargate";
import { connectComet } from "@cosmjs/tendermint-rpc";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestNode, type TestNode } from "./support/node-process.js";

interface Answer<T> {
  result?: T;
  error?: { code: number; message: string; data?: string };
}

let node: TestNode;
let alice: DirectSecp256k1HdWallet;
let aliceAddr: string;

beforeAll(async () => {
  alice = await DirectSecp256k1HdWallet.generate(12, { prefix: "prec" });
  aliceAddr = (await alice.getAccounts())[0]!.address;
  node = await createTestNode([{ address: aliceAddr, coins: "1000000000uusd" }]);
  await node.start();
});

afterAll(async () => {
  expect(await node?.stop()).toBe(0);
  await node?.remove();
});

async function call<T>(method: string, params: object): Promise<Answer<T>> {
  const res = await fetch(node.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return (await res.json()) as Answer<T>;
}

async function get<T>(path: string): Promise<Answer<T>> {
  return (await (await fetch(`${node.rpcUrl}/${path}`)).json()) as Answer<T>;
}

/** A signed send from alice at her current sequence, as base64 TxRaw bytes. */
async function signedSend(): Promise<Uint8Array> {
  const gasPrice = GasPrice.fromString("0.025uusd");
  const client = await SigningStargateClient.connectWithSigner(node.rpcUrl, alice, { gasPrice });
  const msg = {
    typeUrl: "/cosmos.bank.v1beta1.MsgSend",
    value: { fromAddress: aliceAddr, toAddress: aliceAddr, amount: [{ denom: "uusd", amount: "1" }] },
  };
  const raw = await client.sign(aliceAddr, [msg], calculateFee(200_000, gasPrice), "");
  client.disconnect();
  return TxRaw.encode(raw).finish();
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

interface CheckResult {
  code?: number;
  codespace?: string;
  log?: string;
  gas_wanted?: string;
  gas_used?: string;
}

describe("check_tx", () => {
  it("answers what CheckTx would without admitting the tx or spending its sequence", async () => {
    const tx = await signedSend();
    const first = await call<CheckResult>("check_tx", { tx: b64(tx) });
    expect(first.error).toBeUndefined();
    expect(first.result?.code).toBeUndefined();
    expect(first.result?.gas_wanted).toBe("200000");
    expect(Number(first.result?.gas_used)).toBeGreaterThan(0);
    // A second check of the same tx passes too: the first one spent no sequence.
    expect((await call<CheckResult>("check_tx", { tx: b64(tx) })).result?.code).toBeUndefined();
    const { result: unconfirmed } = await call<{ total: string }>("num_unconfirmed_txs", {});
    expect(unconfirmed?.total).toBe("0");

    const broadcast = await call<CheckResult & { hash: string }>("broadcast_tx_sync", { tx: b64(tx) });
    expect(broadcast.result?.code).toBe(0);
    // Once admitted, the same bytes are a replay: the sequence has moved.
    const replay = await call<CheckResult>("check_tx", { tx: b64(tx) });
    expect(replay.result).toMatchObject({ code: 32, codespace: "sdk" });
    // Later tests sign at the committed sequence.
    const hash = `0x${broadcast.result!.hash}`;
    for (let i = 0; i < 100 && (await get(`tx?hash=${hash}`)).error !== undefined; i++) await new Promise((r) => setTimeout(r, 50));
  });

  it("answers a tampered signature with 4 and garbage with 2, as CheckTx does", async () => {
    const raw = TxRaw.decode(await signedSend());
    raw.signatures[0]![10]! ^= 0x01;
    const tampered = await call<CheckResult>("check_tx", { tx: b64(TxRaw.encode(raw).finish()) });
    expect(tampered.result).toMatchObject({ code: 4, codespace: "sdk" });
    const garbage = await call<CheckResult>("check_tx", { tx: b64(Uint8Array.of(0xff, 0x01, 0x02)) });
    expect(garbage.result).toMatchObject({ code: 2, codespace: "sdk" });
    const empty = await call<CheckResult>("check_tx", { tx: "" });
    expect(empty.error?.data).toBe("tx is empty");
  });

  it("is served on GET with the tx as 0x hex, like CometBFT's URI routes", async () => {
    const tx = await signedSend();
    const answer = await get<CheckResult>(`check_tx?tx=0x${Buffer.from(tx).toString("hex")}`);
    expect(answer.error).toBeUndefined();
    expect(answer.result?.gas_wanted).toBe("200000");
  });
});

describe("block_search", () => {
  it("finds blocks by height through CosmJS's Comet38Client, oldest first when asked", async () => {
    const comet = await connectComet(node.rpcUrl);
    while ((await comet.status()).syncInfo.latestBlockHeight < 4) await new Promise((r) => setTimeout(r, 50));
    const found = await comet.blockSearch({ query: "block.height >= 2 AND block.height <= 4", order_by: "asc" });
    expect(found.totalCount).toBe(3);
    expect(found.blocks.map((b) => b.block.header.height)).toEqual([2, 3, 4]);
    const { result: block3 } = await call<{ block_id: { hash: string } }>("block", { height: "3" });
    expect(Buffer.from(found.blocks[1]!.blockId.hash).toString("hex").toUpperCase()).toBe(block3?.block_id.hash);
    const all = await comet.blockSearchAll({ query: "block.height <= 3" });
    expect(all.blocks.map((b) => b.block.header.height).sort()).toEqual([1, 2, 3]);
    comet.disconnect();
  });

  it("lists newest first by default, pages like CometBFT, and finds nothing for an event no block has", async () => {
    const { result } = await call<{ blocks: { block: { header: { height: string } } }[]; total_count: string }>("block_search", {
      query: "block.height > 0",
      per_page: "2",
    });
    const heights = result!.blocks.map((b) => Number(b.block.header.height));
    expect(heights[0]).toBeGreaterThan(heights[1]!);
    expect(Number(result!.total_count)).toBeGreaterThanOrEqual(heights[0]!);
    const none = await call<{ blocks: unknown[]; total_count: string }>("block_search", { query: "audit.digest EXISTS" });
    expect(none.result).toEqual({ blocks: [], total_count: "0" });
    expect((await get<{ total_count: string }>(`block_search?query="block.height=1"`)).result?.total_count).toBe("1");
  });

  it("rejects a bad query, order or page with a JSON-RPC error", async () => {
    expect((await call("block_search", { query: "block.height >" })).error).toBeDefined();
    expect((await call("block_search", { query: "block.height > 0", order_by: "sideways" })).error?.data).toMatch(/order_by/);
    expect((await call("block_search", { query: "block.height = 1", page: "2" })).error?.data).toBe("page should be within [1, 1] range, given 2");
  });
});

describe("header_by_hash", () => {
  it("finds a header by its block hash (hex), and answers null for an unknown hash", async () => {
    const { result: block } = await call<{ block_id: { hash: string } }>("block", { height: "1" });
    const hash = block!.block_id.hash;
    const { result: byHeight } = await call<{ header: unknown }>("header", { height: "1" });
    const byHash = await call<{ header: unknown }>("header_by_hash", { hash });
    expect(byHash.result?.header).toEqual(byHeight?.header);
    expect((await get<{ header: unknown }>(`header_by_hash?hash=0x${hash}`)).result?.header).toEqual(byHeight?.header);
    expect((await call<{ header: unknown }>("header_by_hash", { hash: "00".repeat(32) })).result).toEqual({ header: null });
  });

  it("rejects a hash that is not hex with invalid params", async () => {
    const answer = await call("header_by_hash", { hash: "not-hex" });
    expect(answer.error?.code).toBe(-32602);
  });
});

describe("consensus_params", () => {
  it("answers genesis's consensus params at the latest and at a past height", async () => {
    const { result: genesis } = await call<{ genesis: { consensus_params: unknown } }>("genesis", {});
    const latest = await call<{ block_height: string; consensus_params: Record<string, unknown> }>("consensus_params", {});
    expect(latest.result?.consensus_params).toEqual(genesis?.genesis.consensus_params);
    expect(latest.result?.consensus_params).toMatchObject({ block: { max_gas: expect.any(String) }, validator: { pub_key_types: ["ed25519"] } });
    expect(Number(latest.result?.block_height)).toBeGreaterThan(0);
    const past = await get<{ block_height: string }>("consensus_params?height=1");
    expect(past.result?.block_height).toBe("1");
  });

  it("rejects heights outside the chain as CometBFT does", async () => {
    expect((await call("consensus_params", { height: "0" })).error?.data).toBe("height must be greater than 0, but got 0");
    expect((await call("consensus_params", { height: "999999999" })).error?.data).toMatch(/must be less than or equal to the current blockchain height/);
  });
});

describe("genesis_chunked", () => {
  it("serves the genesis JSON in base64 chunks that reassemble to what genesis answers", async () => {
    const { result: whole } = await call<{ genesis: unknown }>("genesis", {});
    const first = await call<{ chunk: string; total: string; data: string }>("genesis_chunked", { chunk: "0" });
    expect(first.result).toMatchObject({ chunk: "0", total: "1" });
    expect(JSON.parse(Buffer.from(first.result!.data, "base64").toString("utf8"))).toEqual(whole?.genesis);
    expect((await get<{ chunk: string }>("genesis_chunked")).result?.chunk).toBe("0");
  });

  it("rejects a chunk that does not exist, or a negative one", async () => {
    expect((await call("genesis_chunked", { chunk: "1" })).error?.data).toBe("there are 0 chunks, 1 is invalid");
    expect((await call("genesis_chunked", { chunk: "-1" })).error?.code).toBe(-32602);
  });
});
