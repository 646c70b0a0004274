// Nothing reported committed is ever lost: a clean restart and a kill -9 in the middle of a burst
// of transactions from several accounts, against the real precisiond process.
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, StargateClient, calculateFee } from "@cosmjs/stargate";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestNode, type TestNode } from "./support/node-process.js";

const ACCOUNTS = 4;
const TXS_PER_ACCOUNT = 40;
const fee = calculateFee(100_000, GasPrice.fromString("0.025uusd"));

let node: TestNode;
let wallets: DirectSecp256k1HdWallet[];
let senders: string[];
let recipient: string;

interface BlockRecord {
  height: number;
  appHash: string;
}

async function blockAt(height: number): Promise<BlockRecord> {
  const res = await fetch(node.rpcUrl, {
    method: "POST",
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "block",
      params: { height: String(height) },
    }),
  });
  const body = (await res.json()) as { result: { block: { header: { app_hash: string } } } };
  return { height, appHash: body.result.block.header.app_hash };
}

/** Pre-signs a burst of sends so they can be broadcast as fast as the node takes them. */
async function presign(): Promise<Uint8Array[][]> {
  return Promise.all(
    wallets.map(async (wallet, i) => {
      const client = await SigningStargateClient.connectWithSigner(node.rpcUrl, wallet, {});
      const { accountNumber, sequence } = await client.getSequence(senders[i]!);
      const txs: Uint8Array[] = [];
      for (let n = 0; n < TXS_PER_ACCOUNT; n++) {
        const msg = {
          typeUrl: "/cosmos.bank.v1beta1.MsgSend",
          value: {
            fromAddress: senders[i],
            toAddress: recipient,
            amount: [{ denom: "uusd", amount: "1" }],
          },
        };
        const raw = await client.sign(senders[i]!, [msg], fee, "", {
          accountNumber,
          sequence: sequence + n,
          chainId: "precision-local-1",
        });
        txs.push(TxRaw.encode(raw).finish());
      }
      client.disconnect();
      return txs;
    }),
  );
}

async function committedHashes(client: StargateClient): Promise<Set<string>> {
  const hashes = new Set<string>();
  for (const sender of senders)
    for (const tx of await client.searchTx(`message.sender='${sender}'`)) hashes.add(tx.hash);
  return hashes;
}

beforeAll(async () => {
  wallets = await Promise.all(
    Array.from({ length: ACCOUNTS }, () =>
      DirectSecp256k1HdWallet.generate(12, { prefix: "prec" }),
    ),
  );
  senders = await Promise.all(wallets.map(async (w) => (await w.getAccounts())[0]!.address));
  recipient = (
    await (await DirectSecp256k1HdWallet.generate(12, { prefix: "prec" })).getAccounts()
  )[0]!.address;
  node = await createTestNode(
    senders.map((address) => ({ address, coins: "1000000000uusd" })),
    "150ms",
  );
  await node.start();
});

afterAll(async () => {
  await node?.remove();
});

describe("durability", () => {
  it("keeps every committed tx, balance and app hash across kill -9 and restarts, and keeps producing blocks", async () => {
    const bursts = await presign();
    const client = await StargateClient.connect(node.rpcUrl);
    // Interleave the accounts' txs, as many clients would.
    const order = Array.from({ length: TXS_PER_ACCOUNT }, (_, n) =>
      bursts.map((txs) => txs[n]!),
    ).flat();
    let sent = 0;
    const broadcasting = (async () => {
      for (const tx of order) {
        try {
          await client.broadcastTxSync(tx);
          sent++;
        } catch {
          return; // the node went away mid-burst
        }
      }
    })();
    // Let a few blocks commit part of the burst, then pull the plug.
    await new Promise((r) => setTimeout(r, 700));
    const reported = await committedHashes(client).catch(() => new Set<string>());
    const lastHeight = await client.getHeight();
    const before = await Promise.all(Array.from({ length: lastHeight }, (_, i) => blockAt(i + 1)));
    await node.kill9();
    await broadcasting;
    client.disconnect();
    expect(reported.size).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(0);

    await node.start();
    const after = await StargateClient.connect(node.rpcUrl);
    const recovered = await committedHashes(after);
    for (const hash of reported)
      expect(recovered.has(hash), `tx ${hash} was reported committed`).toBe(true);
    for (const block of before) expect(await blockAt(block.height)).toEqual(block);
    const balance = await after.getBalance(recipient, "uusd");
    expect(BigInt(balance.amount)).toBe(BigInt(recovered.size));
    for (const [i, sender] of senders.entries()) {
      const account = await after.getAccount(sender);
      const sentBy = (await after.searchTx(`message.sender='${sender}'`)).length;
      expect(account?.sequence, `sequence of sender ${i}`).toBe(sentBy);
      expect((await after.getBalance(sender, "uusd")).amount).toBe(
        String(1_000_000_000 - sentBy * (1 + Number(fee.amount[0]!.amount))),
      );
    }

    // A clean restart is just as lossless, and blocks continue.
    const heightBeforeStop = await after.getHeight();
    after.disconnect();
    expect(await node.stop()).toBe(0);
    await node.start();
    const again = await StargateClient.connect(node.rpcUrl);
    expect(await committedHashes(again)).toEqual(recovered);
    await new Promise((r) => setTimeout(r, 600));
    expect(await again.getHeight()).toBeGreaterThan(heightBeforeStop);
    again.disconnect();
  });

  it("rebuilds the tx index from the block store when it is lost, or ahead of the blocks", async () => {
    const txIndexOf = (n: TestNode) => path.join(n.home, "data", "tx_index.db");
    const client = await StargateClient.connect(node.rpcUrl);
    const hashes = await committedHashes(client);
    expect(hashes.size).toBeGreaterThan(0);
    client.disconnect();
    expect(await node.stop()).toBe(0);
    rmSync(txIndexOf(node), { recursive: true, force: true });
    await node.start();
    const rebuilt = await StargateClient.connect(node.rpcUrl);
    expect(await committedHashes(rebuilt)).toEqual(hashes);
    for (const hash of [...hashes].slice(0, 5)) expect((await rebuilt.getTx(hash))?.code).toBe(0);
    expect(node.log.join("")).toMatch(/indexing txs of heights 1\.\.\d+/);
    rebuilt.disconnect();
    expect(await node.stop()).toBe(0);

    // Another chain's index, further along than this chain's blocks, is thrown away and rebuilt.
    const other = await createTestNode([{ address: senders[0]!, coins: "1000uusd" }], "150ms");
    await other.start();
    expect(await other.stop()).toBe(0);
    rmSync(txIndexOf(other), { recursive: true, force: true });
    cpSync(txIndexOf(node), txIndexOf(other), { recursive: true });
    await other.start();
    try {
      expect(other.log.join("")).toMatch(/tx index is at height \d+, ahead of the block store \(\d+\): rebuilding it/);
      const foreign = await StargateClient.connect(other.rpcUrl);
      expect(await foreign.getTx([...hashes][0]!)).toBeNull();
      expect(await foreign.searchTx(`message.sender='${senders[0]}'`)).toEqual([]);
      foreign.disconnect();
    } finally {
      await other.remove();
      await node.start();
    }
  });
});
