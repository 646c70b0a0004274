// Block-level hashes computed the way CometBFT 0.38 computes them (types/block.go, types/results.go,
// types/params.go, types/validator_set.go), so headers built here are meaningful to CometBFT tooling.
import { BinaryWriter } from "cosmjs-types/binary";
import { Timestamp } from "cosmjs-types/google/protobuf/timestamp";
import type { ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { Consensus } from "cosmjs-types/tendermint/version/types";
// Header and vote times are int64 seconds: without the codec's int64 fix, hashes of blocks from
// 2038 on would not be CometBFT's. Loaded here so that no import order elsewhere is relied on.
import "../runtime/codec/cosmjs-types-codec.js";
import { Block } from "cosmjs-types/tendermint/types/block";
import { BlockID, CommitSig, type Commit, type Header, type PartSetHeader } from "cosmjs-types/tendermint/types/types";
import { sha256, txHash } from "./encoding.js";
import { encodeDeterministicExecTxResult } from "../runtime/abci/exec-tx-result.js";
import { hashFromByteSlices } from "./merkle.js";

const BLOCK_PART_SIZE = 65536;

const bytesValue = (b: Uint8Array): Uint8Array =>
  b.length === 0 ? new Uint8Array(0) : new BinaryWriter().uint32(10).bytes(b).finish();
const stringValue = (s: string): Uint8Array =>
  s.length === 0 ? new Uint8Array(0) : new BinaryWriter().uint32(10).string(s).finish();
const int64Value = (n: bigint): Uint8Array =>
  n === 0n ? new Uint8Array(0) : new BinaryWriter().uint32(8).int64(n).finish();

export function headerHash(h: Header): Uint8Array {
  return hashFromByteSlices([
    Consensus.encode(h.version).finish(),
    stringValue(h.chainId),
    int64Value(h.height),
    Timestamp.encode(h.time).finish(),
    BlockID.encode(h.lastBlockId).finish(),
    bytesValue(h.lastCommitHash),
    bytesValue(h.dataHash),
    bytesValue(h.validatorsHash),
    bytesValue(h.nextValidatorsHash),
    bytesValue(h.consensusHash),
    bytesValue(h.appHash),
    bytesValue(h.lastResultsHash),
    bytesValue(h.evidenceHash),
    bytesValue(h.proposerAddress),
  ]);
}

export function dataHash(txs: readonly Uint8Array[]): Uint8Array {
  return hashFromByteSlices(txs.map(txHash));
}

export function commitHash(commit: Commit | undefined): Uint8Array {
  return hashFromByteSlices((commit?.signatures ?? []).map((s) => CommitSig.encode(s).finish()));
}

/** Only the deterministic fields of each result enter the hash (types/results.go). */
export function resultsHash(results: readonly ExecTxResult[]): Uint8Array {
  return hashFromByteSlices(results.map(encodeDeterministicExecTxResult));
}

/** `HashedParams{block_max_bytes, block_max_gas}` hashed with sha256 (types/params.go). */
export function consensusParamsHash(maxBytes: bigint, maxGas: bigint): Uint8Array {
  const w = new BinaryWriter();
  if (maxBytes !== 0n) w.uint32(8).int64(maxBytes);
  if (maxGas !== 0n) w.uint32(16).int64(maxGas);
  return sha256(w.finish());
}

/** `SimpleValidator{pub_key: PublicKey{ed25519}, voting_power}` per validator, Merkle-hashed. */
export function validatorsHash(validators: readonly { pubKey: Uint8Array; power: bigint }[]): Uint8Array {
  return hashFromByteSlices(
    validators.map((v) => {
      const pk = new BinaryWriter().uint32(10).bytes(v.pubKey).finish();
      const w = new BinaryWriter().uint32(10).bytes(pk);
      if (v.power !== 0n) w.uint32(16).int64(v.power);
      return w.finish();
    }),
  );
}

export function evidenceHash(): Uint8Array {
  return hashFromByteSlices([]);
}

/** The block's part-set header: the encoded block split into 64 KiB parts, Merkle-hashed. */
export function blockPartSetHeader(block: Block): { header: PartSetHeader; size: number } {
  const bz = Block.encode(block).finish();
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bz.length; i += BLOCK_PART_SIZE) parts.push(bz.subarray(i, i + BLOCK_PART_SIZE));
  if (parts.length === 0) parts.push(new Uint8Array(0));
  return { header: { total: parts.length, hash: hashFromByteSlices(parts) }, size: bz.length };
}

/** `protoio.MarshalDelimited(CanonicalVote)` for a precommit (types/vote.go VoteSignBytes). */
export function precommitSignBytes(
  chainId: string,
  height: bigint,
  round: number,
  blockId: BlockID,
  timestamp: Timestamp,
): Uint8Array {
  const w = new BinaryWriter();
  w.uint32(8).int32(2); // SIGNED_MSG_TYPE_PRECOMMIT
  if (height !== 0n) w.uint32(17).sfixed64(height);
  if (round !== 0) w.uint32(25).sfixed64(BigInt(round));
  const psh = new BinaryWriter();
  if (blockId.partSetHeader.total !== 0) psh.uint32(8).uint32(blockId.partSetHeader.total);
  if (blockId.partSetHeader.hash.length > 0) psh.uint32(18).bytes(blockId.partSetHeader.hash);
  const bid = new BinaryWriter();
  if (blockId.hash.length > 0) bid.uint32(10).bytes(blockId.hash);
  bid.uint32(18).bytes(psh.finish());
  w.uint32(34).bytes(bid.finish());
  w.uint32(42).bytes(Timestamp.encode(timestamp).finish());
  if (chainId.length > 0) w.uint32(50).string(chainId);
  const body = w.finish();
  return new BinaryWriter().bytes(body).finish();
}
