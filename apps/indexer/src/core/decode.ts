import { ripemd160, sha256 } from "@cosmjs/crypto";
import { fromBase64, toBase64, toBech32, toHex } from "@cosmjs/encoding";
import { decodeTxRaw, type Registry } from "@cosmjs/proto-signing";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import type { RpcBlock, RpcBlockResults, RpcEvent } from "./chain-types.js";

export const ADDRESS_PREFIX = "prec";
const ADDRESS = /^prec1[02-9ac-hj-np-z]{38,58}$/;

export interface IndexedEvent {
  readonly type: string;
  readonly attributes: readonly { key: string; value: string; index: boolean }[];
}

export interface IndexedTx {
  readonly hash: string;
  readonly index: number;
  readonly messages: readonly { typeUrl: string; value: unknown }[];
  readonly types: readonly string[];
  readonly signers: readonly string[];
  readonly memo: string;
  readonly fee: { amount: { denom: string; amount: string }[]; gasLimit: string; payer: string; granter: string };
  readonly gasWanted: bigint;
  readonly gasUsed: bigint;
  readonly code: number;
  readonly codespace: string;
  readonly log: string;
  readonly events: readonly IndexedEvent[];
  /** Signers and every account address in the tx's events. */
  readonly addresses: readonly string[];
}

export interface IndexedBlock {
  readonly height: bigint;
  readonly hash: string;
  readonly time: Date;
  readonly proposer: string;
  readonly appHash: string;
  readonly resultAppHash: string;
  readonly txs: readonly IndexedTx[];
  readonly blockEvents: readonly IndexedEvent[];
}

/** Protobuf-decoded values as JSON: bytes → base64, int64 → decimal string, Dates → RFC 3339. */
export function toJsonValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return toBase64(v);
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toJsonValue(x);
    return out;
  }
  return v;
}

export function pubKeyAddress(compressed: Uint8Array): string {
  return toBech32(ADDRESS_PREFIX, ripemd160(sha256(compressed)));
}

function events(list: RpcEvent[] | null | undefined): IndexedEvent[] {
  return (list ?? []).map((e) => ({
    type: e.type,
    attributes: (e.attributes ?? []).map((a) => ({ key: a.key, value: a.value ?? "", index: a.index === true })),
  }));
}

function decodeOne(registry: Registry, txBytes: Uint8Array) {
  const raw = decodeTxRaw(txBytes);
  const messages = raw.body.messages.map((m) => {
    try {
      return { typeUrl: m.typeUrl, value: toJsonValue(registry.decode(m)) };
    } catch {
      // A type this indexer's registry does not know (a newer chain): keep the bytes.
      return { typeUrl: m.typeUrl, value: { undecoded: toBase64(m.value) } };
    }
  });
  const signers: string[] = [];
  for (const info of raw.authInfo.signerInfos) {
    if (info.publicKey?.typeUrl !== "/cosmos.crypto.secp256k1.PubKey") continue;
    try {
      const address = pubKeyAddress(PubKey.decode(info.publicKey.value).key);
      if (!signers.includes(address)) signers.push(address);
    } catch {
      // A malformed key cannot have passed the ante handler; nothing to attribute.
    }
  }
  for (const m of messages) {
    const v = m.value as Record<string, unknown>;
    for (const field of ["fromAddress", "signer", "authority", "sender", "creator", "patient"]) {
      const s = v[field];
      if (typeof s === "string" && ADDRESS.test(s) && !signers.includes(s)) signers.push(s);
    }
  }
  const fee = raw.authInfo.fee;
  return {
    messages,
    signers,
    memo: raw.body.memo,
    fee: {
      amount: (fee?.amount ?? []).map((c) => ({ denom: c.denom, amount: c.amount })),
      gasLimit: (fee?.gasLimit ?? 0n).toString(),
      payer: fee?.payer ?? "",
      granter: fee?.granter ?? "",
    },
  };
}

export function decodeBlock(registry: Registry, block: RpcBlock, results: RpcBlockResults): IndexedBlock {
  const header = block.block.header;
  const height = BigInt(header.height);
  if (BigInt(results.height) !== height) throw new Error(`block_results for ${results.height} paired with block ${header.height}`);
  const txs = block.block.data.txs ?? [];
  const txResults = results.txs_results ?? [];
  if (txResults.length !== txs.length) throw new Error(`block ${height} has ${txs.length} txs but ${txResults.length} results`);
  return {
    height,
    hash: block.block_id.hash,
    time: new Date(header.time),
    proposer: header.proposer_address,
    appHash: header.app_hash,
    resultAppHash: results.app_hash ? toHex(fromBase64(results.app_hash)).toUpperCase() : "",
    blockEvents: events(results.finalize_block_events),
    txs: txs.map((b64, index) => {
      const bytes = fromBase64(b64);
      const r = txResults[index]!;
      const evs = events(r.events);
      let decoded: ReturnType<typeof decodeOne>;
      try {
        decoded = decodeOne(registry, bytes);
      } catch {
        decoded = { messages: [], signers: [], memo: "", fee: { amount: [], gasLimit: "0", payer: "", granter: "" } };
      }
      const addresses = new Set(decoded.signers);
      for (const e of evs) for (const a of e.attributes) if (ADDRESS.test(a.value)) addresses.add(a.value);
      return {
        hash: toHex(sha256(bytes)).toUpperCase(),
        index,
        ...decoded,
        types: decoded.messages.map((m) => m.typeUrl),
        gasWanted: BigInt(r.gas_wanted ?? "0"),
        gasUsed: BigInt(r.gas_used ?? "0"),
        code: r.code ?? 0,
        codespace: r.codespace ?? "",
        log: r.log ?? "",
        events: evs,
        addresses: [...addresses].sort(),
      };
    }),
  };
}
