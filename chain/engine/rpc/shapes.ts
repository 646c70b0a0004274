// CometBFT 0.38 JSON shapes (libs/json): int64 as strings, int32 as numbers, []byte as padded
// base64, HexBytes as uppercase hex, omitempty fields left out when zero.
import type { Event, ExecTxResult, ResponseCheckTx, ResponseQuery, TxResult } from "cosmjs-types/tendermint/abci/types";
import type { Block } from "cosmjs-types/tendermint/types/block";
import type { BlockID, BlockMeta, Commit, CommitSig, Header } from "cosmjs-types/tendermint/types/types";
import { rfc3339Nano, txHash, toBase64, toHex } from "../encoding.js";
import type { MerkleProof } from "../merkle.js";

type Json = Record<string, unknown>;

export function eventJson(e: Event): Json {
  const out: Json = {};
  if (e.type) out.type = e.type;
  out.attributes = e.attributes.map((a) => {
    const attr: Json = { key: a.key, value: a.value };
    if (a.index) attr.index = true;
    return attr;
  });
  return out;
}

/** ExecTxResult / ResponseCheckTx: the `TxData` CosmJS decodes everywhere. */
export function txDataJson(r: ExecTxResult | ResponseCheckTx): Json {
  const out: Json = {};
  if (r.code !== 0) out.code = r.code;
  if (r.data.length > 0) out.data = toBase64(r.data);
  if (r.log) out.log = r.log;
  if (r.info) out.info = r.info;
  if (r.gasWanted !== 0n) out.gas_wanted = r.gasWanted.toString();
  if (r.gasUsed !== 0n) out.gas_used = r.gasUsed.toString();
  if (r.events.length > 0) out.events = r.events.map(eventJson);
  if (r.codespace) out.codespace = r.codespace;
  return out;
}

export function blockIdJson(id: BlockID): Json {
  return { hash: toHex(id.hash), parts: { total: id.partSetHeader.total, hash: toHex(id.partSetHeader.hash) } };
}

export function headerJson(h: Header): Json {
  return {
    version: { block: h.version.block.toString(), app: h.version.app.toString() },
    chain_id: h.chainId,
    height: h.height.toString(),
    time: rfc3339Nano(h.time),
    last_block_id: blockIdJson(h.lastBlockId),
    last_commit_hash: toHex(h.lastCommitHash),
    data_hash: toHex(h.dataHash),
    validators_hash: toHex(h.validatorsHash),
    next_validators_hash: toHex(h.nextValidatorsHash),
    consensus_hash: toHex(h.consensusHash),
    app_hash: toHex(h.appHash),
    last_results_hash: toHex(h.lastResultsHash),
    evidence_hash: toHex(h.evidenceHash),
    proposer_address: toHex(h.proposerAddress),
  };
}

function commitSigJson(s: CommitSig): Json {
  return {
    block_id_flag: s.blockIdFlag,
    validator_address: toHex(s.validatorAddress),
    timestamp: rfc3339Nano(s.timestamp),
    signature: s.signature.length > 0 ? toBase64(s.signature) : null,
  };
}

export function commitJson(c: Commit): Json {
  return {
    height: c.height.toString(),
    round: c.round,
    block_id: blockIdJson(c.blockId),
    signatures: c.signatures.map(commitSigJson),
  };
}

export function blockJson(b: Block): Json {
  return {
    header: headerJson(b.header),
    data: { txs: b.data.txs.length > 0 ? b.data.txs.map(toBase64) : null },
    evidence: { evidence: [] },
    last_commit: commitJson(
      b.lastCommit ?? { height: 0n, round: 0, blockId: { hash: new Uint8Array(), partSetHeader: { total: 0, hash: new Uint8Array() } }, signatures: [] },
    ),
  };
}

export function blockMetaJson(m: BlockMeta): Json {
  return {
    block_id: blockIdJson(m.blockId),
    block_size: m.blockSize.toString(),
    header: headerJson(m.header),
    num_txs: m.numTxs.toString(),
  };
}

export function txProofJson(root: Uint8Array, tx: Uint8Array, proof: MerkleProof): Json {
  return {
    root_hash: toHex(root),
    data: toBase64(tx),
    proof: {
      total: proof.total.toString(),
      index: proof.index.toString(),
      leaf_hash: toBase64(proof.leafHash),
      aunts: proof.aunts.map(toBase64),
    },
  };
}

/** `ResultTx` as returned by `tx` and inside `tx_search`. */
export function resultTxJson(r: TxResult, proof?: Json): Json {
  const out: Json = {
    hash: toHex(txHash(r.tx)),
    height: r.height.toString(),
    index: r.index,
    tx_result: txDataJson(r.result),
    tx: toBase64(r.tx),
  };
  if (proof) out.proof = proof;
  return out;
}

export function queryResponseJson(r: ResponseQuery): Json {
  const out: Json = {};
  if (r.code !== 0) out.code = r.code;
  if (r.log) out.log = r.log;
  if (r.info) out.info = r.info;
  if (r.index !== 0n) out.index = r.index.toString();
  if (r.key.length > 0) out.key = toBase64(r.key);
  if (r.value.length > 0) out.value = toBase64(r.value);
  if (r.proofOps && r.proofOps.ops.length > 0) {
    out.proof_ops = { ops: r.proofOps.ops.map((op) => ({ type: op.type, key: toBase64(op.key), data: toBase64(op.data) })) };
  }
  if (r.height !== 0n) out.height = r.height.toString();
  if (r.codespace) out.codespace = r.codespace;
  return out;
}

export function pubKeyJson(pubKey: Uint8Array): Json {
  return { type: "tendermint/PubKeyEd25519", value: toBase64(pubKey) };
}
