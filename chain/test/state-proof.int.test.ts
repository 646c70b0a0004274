// A balance read from the real node with prove=true verifies, with @precision/client's verifier,
// against the app hash in the next block's header — and a forged value does not.
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { fromBech32 } from "@cosmjs/encoding";
import { verifyInclusionProof, verifyNonInclusionProof } from "@precision/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balanceKey } from "../modules/bank/types/keys.js";
import { createTestNode, type TestNode } from "./support/node-process.js";

let node: TestNode;
let address: string;
let stranger: string;

interface QueryAnswer {
  response: {
    code?: number;
    value?: string;
    height?: string;
    proof_ops?: { ops: { type: string; key: string; data: string }[] };
  };
}

async function rpc<T>(method: string, params: Record<string, unknown>): Promise<T> {
  const res = await fetch(node.rpcUrl, {
    method: "POST",
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await res.json()) as { result: T }).result;
}

async function provedBalance(addr: string, height: number) {
  const key = balanceKey(fromBech32(addr, 90).data, "uusd");
  const { response } = await rpc<QueryAnswer>("abci_query", {
    path: "store/bank/key",
    data: Buffer.from(key).toString("hex"),
    height: String(height),
    prove: true,
  });
  expect(response.code ?? 0).toBe(0);
  const op = response.proof_ops!.ops[0]!;
  expect(op.type).toBe("precision:state:v1");
  const next = await rpc<{ block: { header: { app_hash: string } } }>("block", {
    height: String(height + 1),
  });
  return {
    key: new Uint8Array(Buffer.from(op.key, "base64")),
    proof: new Uint8Array(Buffer.from(op.data, "base64")),
    value: response.value ? new Uint8Array(Buffer.from(response.value, "base64")) : undefined,
    appHash: new Uint8Array(Buffer.from(next.block.header.app_hash, "hex")),
  };
}

beforeAll(async () => {
  const wallets = await Promise.all(
    [0, 1].map(() => DirectSecp256k1HdWallet.generate(12, { prefix: "prec" })),
  );
  [address, stranger] = (await Promise.all(
    wallets.map(async (w) => (await w.getAccounts())[0]!.address),
  )) as [string, string];
  node = await createTestNode([{ address, coins: "777000uusd" }]);
  await node.start();
  await new Promise((r) => setTimeout(r, 600));
});

afterAll(async () => {
  await node?.remove();
});

describe("state proofs over RPC", () => {
  it("proves an existing balance and the absence of another, at a committed height", async () => {
    const height = 2;
    const held = await provedBalance(address, height);
    expect(new TextDecoder().decode(held.value)).toBe("777000");
    expect(
      verifyInclusionProof({
        proof: held.proof,
        key: held.key,
        value: held.value!,
        appHash: held.appHash,
      }),
    ).toBe(true);
    expect(
      verifyInclusionProof({
        proof: held.proof,
        key: held.key,
        value: new TextEncoder().encode("999999999"),
        appHash: held.appHash,
      }),
    ).toBe(false);

    const absent = await provedBalance(stranger, height);
    expect(absent.value).toBeUndefined();
    expect(
      verifyNonInclusionProof({ proof: absent.proof, key: absent.key, appHash: absent.appHash }),
    ).toBe(true);
  });
});
