import "server-only";
import { createHash } from "node:crypto";
import { env } from "@/env.ts";

export interface CachedTx {
  hash: string;
  height: bigint;
  index: number;
  code: number;
  gasUsed: bigint;
  blockHash: string;
}

export type Verification =
  | { status: "verified"; height: string; blockHash: string }
  | { status: "mismatch"; problems: string[] }
  | { status: "unavailable"; reason: string };

interface RpcTx {
  height: string;
  index?: number;
  tx_result: { code?: number; gas_used?: string };
}

interface RpcBlock {
  block_id: { hash: string };
  block: { data: { txs: string[] | null } };
}

async function rpcGet<T>(path: string): Promise<{ result?: T; error?: { data?: string; message: string } }> {
  const res = await fetch(`${env().CHAIN_RPC_URL.replace(/\/$/, "")}/${path}`, { signal: AbortSignal.timeout(3000), cache: "no-store" });
  return (await res.json()) as { result?: T; error?: { data?: string; message: string } };
}

/**
 * Checks a cached tx against the node itself: the node must report the tx at the same height,
 * index, code and gas, and the block the node serves at that height must have the cached block
 * hash and hold bytes that hash to this tx's hash at that index.
 */
export async function verifyTxAgainstChain(cached: CachedTx): Promise<Verification> {
  let tx: Awaited<ReturnType<typeof rpcGet<RpcTx>>>;
  let block: Awaited<ReturnType<typeof rpcGet<RpcBlock>>>;
  try {
    [tx, block] = await Promise.all([rpcGet<RpcTx>(`tx?hash=0x${cached.hash}`), rpcGet<RpcBlock>(`block?height=${cached.height}`)]);
  } catch (err) {
    return { status: "unavailable", reason: (err as Error).name === "TimeoutError" ? "the chain node did not answer within 3 s" : "the chain node is unreachable" };
  }
  const problems: string[] = [];
  if (!tx.result) problems.push(`the node does not know this tx (${tx.error?.data ?? tx.error?.message ?? "no result"})`);
  else {
    if (tx.result.height !== cached.height.toString()) problems.push(`the node has it at height ${tx.result.height}, the cache at ${cached.height}`);
    if ((tx.result.index ?? 0) !== cached.index) problems.push(`the node has it at index ${tx.result.index ?? 0}, the cache at ${cached.index}`);
    if ((tx.result.tx_result.code ?? 0) !== cached.code) problems.push(`result code ${tx.result.tx_result.code ?? 0} on chain, ${cached.code} in the cache`);
    if ((tx.result.tx_result.gas_used ?? "0") !== cached.gasUsed.toString()) problems.push(`gas used ${tx.result.tx_result.gas_used} on chain, ${cached.gasUsed} in the cache`);
  }
  if (!block.result) problems.push(`the node has no block ${cached.height}`);
  else {
    if (block.result.block_id.hash !== cached.blockHash) problems.push(`block ${cached.height} is ${block.result.block_id.hash} on chain, ${cached.blockHash} in the cache`);
    const bytes = block.result.block.data.txs?.[cached.index];
    const inBlock = bytes ? createHash("sha256").update(Buffer.from(bytes, "base64")).digest("hex").toUpperCase() : undefined;
    if (inBlock !== cached.hash) problems.push(`the block's tx #${cached.index} hashes to ${inBlock ?? "nothing"}, not to this tx`);
  }
  return problems.length === 0 ? { status: "verified", height: cached.height.toString(), blockHash: cached.blockHash } : { status: "mismatch", problems };
}
