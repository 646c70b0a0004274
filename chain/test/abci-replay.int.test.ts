// The ABCI 2.0 socket server, driven over real TCP connections the way CometBFT 0.38 drives it,
// replays the blocks the embedded engine produced and must reach identical app hashes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, calculateFee } from "@cosmjs/stargate";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import {
  Request,
  Response,
  ResponseProcessProposal_ProposalStatus,
} from "cosmjs-types/tendermint/abci/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrecisionApp } from "../app/app.js";
import {
  encodeFrame,
  FrameDecoder,
  startAbciServer,
  type AbciServer,
} from "../engine/abci-server/index.js";
import { parseRfc3339 } from "../engine/encoding.js";
import { initChainRequest, type GenesisDoc } from "../engine/genesis.js";
import { StateStore } from "../runtime/store/index.js";
import { createTestNode } from "./support/node-process.js";

interface RecordedBlock {
  height: number;
  time: string;
  hash: string;
  proposer: string;
  txs: Uint8Array[];
  codes: number[];
  nextAppHash: string;
}

/** One of CometBFT's four ABCI connections: every call is followed by a Flush, as CometBFT does. */
class AbciConnection {
  private readonly decoder = new FrameDecoder();
  private readonly waiting: ((r: Response) => void)[] = [];
  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk) => {
      for (const frame of this.decoder.push(chunk)) this.waiting.shift()?.(Response.decode(frame));
    });
  }

  static async open(port: number): Promise<AbciConnection> {
    const socket = connect(port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    return new AbciConnection(socket);
  }

  private next(): Promise<Response> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async call(req: { [K in keyof Request]?: unknown }): Promise<Response> {
    const answer = this.next();
    const flushed = this.next();
    // Request and Flush in one write: the server must split coalesced frames itself.
    this.socket.write(
      Buffer.concat([
        encodeFrame(Request.encode(Request.fromPartial(req as Request)).finish()),
        encodeFrame(Request.encode(Request.fromPartial({ flush: {} })).finish()),
      ]),
    );
    const response = await answer;
    expect((await flushed).flush).toBeDefined();
    return response;
  }

  async raw(bytes: Uint8Array): Promise<Response> {
    const answer = this.next();
    this.socket.write(bytes);
    return answer;
  }

  close() {
    this.socket.destroy();
  }
}

async function rpc<T>(url: string, method: string, params: Record<string, unknown>): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await res.json()) as { result: T }).result;
}

let genesis: GenesisDoc;
let blocks: RecordedBlock[];
let lastAppHash: string;
let funded: string;
let server: AbciServer;
let store: StateStore;
let storeDir: string | undefined;

beforeAll(async () => {
  const wallets = await Promise.all(
    [0, 1].map(() => DirectSecp256k1HdWallet.generate(12, { prefix: "prec" })),
  );
  const [a, b] = await Promise.all(wallets.map(async (w) => (await w.getAccounts())[0]!.address));
  funded = a!;
  const node = await createTestNode([
    { address: a!, coins: "1000000000uusd" },
    { address: b!, coins: "3000uusd" },
  ]);
  await node.start();
  const gasPrice = GasPrice.fromString("0.025uusd");
  const fee = calculateFee(100_000, gasPrice);
  const [ca, cb] = await Promise.all(
    wallets.map((w) =>
      SigningStargateClient.connectWithSigner(node.rpcUrl, w, {
        gasPrice,
        broadcastPollIntervalMs: 100,
      }),
    ),
  );
  for (let i = 0; i < 4; i++)
    await ca!.sendTokens(a!, b!, [{ denom: "uusd", amount: String(1000 + i) }], fee);
  // One failing tx (insufficient funds) must replay to the same code and the same state.
  await cb!.sendTokens(
    b!,
    a!,
    [{ denom: "uusd", amount: "99999999" }],
    calculateFee(60_000, gasPrice),
  );
  await new Promise((r) => setTimeout(r, 500));

  const info = await rpc<{ response: { last_block_height: string; last_block_app_hash: string } }>(
    node.rpcUrl,
    "abci_info",
    {},
  );
  const height = Number(info.response.last_block_height);
  lastAppHash = Buffer.from(info.response.last_block_app_hash, "base64")
    .toString("hex")
    .toUpperCase();
  blocks = [];
  for (let h = 1; h <= height; h++) {
    const { block, block_id } = await rpc<{
      block: { header: { time: string; proposer_address: string }; data: { txs: string[] | null } };
      block_id: { hash: string };
    }>(node.rpcUrl, "block", { height: String(h) });
    const results = await rpc<{ txs_results: { code?: number }[] | null }>(
      node.rpcUrl,
      "block_results",
      { height: String(h) },
    );
    const next =
      h < height
        ? await rpc<{ block: { header: { app_hash: string } } }>(node.rpcUrl, "block", {
            height: String(h + 1),
          })
        : undefined;
    blocks.push({
      height: h,
      time: block.header.time,
      hash: block_id.hash,
      proposer: block.header.proposer_address,
      txs: (block.data.txs ?? []).map((t) => new Uint8Array(Buffer.from(t, "base64"))),
      codes: (results.txs_results ?? []).map((r) => r.code ?? 0),
      nextAppHash: next ? next.block.header.app_hash : lastAppHash,
    });
  }
  expect(await node.stop()).toBe(0);
  genesis = JSON.parse(
    readFileSync(path.join(node.home, "config/genesis.json"), "utf8"),
  ) as GenesisDoc;
  await node.remove();

  storeDir = mkdtempSync(path.join(tmpdir(), "abci-replay-"));
  store = await StateStore.open(storeDir);
  const app = createPrecisionApp({ store, chainId: genesis.chain_id, minGasPrices: "0uusd" });
  server = await startAbciServer({ app, address: "tcp://127.0.0.1:0" });
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  if (storeDir) rmSync(storeDir, { recursive: true, force: true });
});

describe("ABCI 2.0 socket server", () => {
  it("replays the embedded engine's blocks to identical app hashes and tx codes", async () => {
    const port = Number(server.address.split(":").pop());
    // CometBFT opens query, snapshot, mempool and consensus connections, in that order.
    const [query, snapshot, mempool, consensus] = [
      await AbciConnection.open(port),
      await AbciConnection.open(port),
      await AbciConnection.open(port),
      await AbciConnection.open(port),
    ];
    try {
      expect((await query.call({ echo: { message: "hello" } })).echo?.message).toBe("hello");
      const info = await query.call({
        info: { version: "0.38.17", blockVersion: 11n, p2pVersion: 8n, abciVersion: "2.0.0" },
      });
      expect(info.info?.lastBlockHeight).toBe(0n);
      expect((await snapshot.call({ listSnapshots: {} })).listSnapshots?.snapshots).toEqual([]);
      await consensus.call({ initChain: initChainRequest(genesis) });

      expect(blocks.some((b) => b.txs.length > 0)).toBe(true);
      for (const block of blocks) {
        const time = parseRfc3339(block.time);
        const prepared = await consensus.call({
          prepareProposal: {
            maxTxBytes: 22_020_096n,
            txs: block.txs,
            height: BigInt(block.height),
            time,
          },
        });
        expect(prepared.prepareProposal?.txs).toEqual(block.txs);
        const processed = await consensus.call({
          processProposal: {
            txs: block.txs,
            height: BigInt(block.height),
            time,
            hash: Buffer.from(block.hash, "hex"),
            proposerAddress: Buffer.from(block.proposer, "hex"),
          },
        });
        expect(processed.processProposal?.status).toBe(
          ResponseProcessProposal_ProposalStatus.ACCEPT,
        );
        const finalized = await consensus.call({
          finalizeBlock: {
            txs: block.txs,
            height: BigInt(block.height),
            time,
            hash: Buffer.from(block.hash, "hex"),
            proposerAddress: Buffer.from(block.proposer, "hex"),
          },
        });
        expect(
          Buffer.from(finalized.finalizeBlock!.appHash).toString("hex").toUpperCase(),
          `app hash at height ${block.height}`,
        ).toBe(block.nextAppHash);
        expect(finalized.finalizeBlock!.txResults.map((r) => r.code)).toEqual(block.codes);
        expect((await consensus.call({ commit: {} })).commit).toBeDefined();
      }
      expect(blocks.flatMap((b) => b.codes)).toContain(5);

      const checked = await mempool.call({ checkTx: { tx: new Uint8Array([9, 9, 9]), type: 0 } });
      expect(checked.checkTx).toMatchObject({ code: 2, codespace: "sdk" });
      const balance = await query.call({
        query: {
          path: "/cosmos.bank.v1beta1.Query/Balance",
          data: QueryBalanceRequest.encode({ address: funded, denom: "uusd" }).finish(),
          height: 0n,
          prove: false,
        },
      });
      expect(balance.query?.code).toBe(0);
      expect(balance.query?.height).toBe(BigInt(blocks.length));
      expect(
        BigInt(QueryBalanceResponse.decode(balance.query!.value).balance!.amount),
      ).toBeGreaterThan(0n);
      const after = await query.call({
        info: { version: "0.38.17", blockVersion: 11n, p2pVersion: 8n, abciVersion: "2.0.0" },
      });
      expect(after.info?.lastBlockHeight).toBe(BigInt(blocks.length));
      expect(Buffer.from(after.info!.lastBlockAppHash).toString("hex").toUpperCase()).toBe(
        lastAppHash,
      );
    } finally {
      for (const c of [query, snapshot, mempool, consensus]) c.close();
    }
  });

  it("answers a garbage frame with an exception and keeps serving other connections", async () => {
    const port = Number(server.address.split(":").pop());
    const bad = await AbciConnection.open(port);
    const answer = await bad.raw(encodeFrame(new Uint8Array([0xff, 0xff, 0xff, 0xff])));
    expect(answer.exception?.error).toBeTruthy();
    bad.close();
    const good = await AbciConnection.open(port);
    expect((await good.call({ echo: { message: "still up" } })).echo?.message).toBe("still up");
    good.close();
  });
});
