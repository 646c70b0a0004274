import { isPrecisionAddress } from "@precision/client";

export type ExplorerTarget =
  | { kind: "tx"; hash: string }
  | { kind: "account"; address: string }
  | { kind: "block"; height: bigint }
  | { kind: "invalid"; reason: string };

const HASH = /^(0x)?[0-9a-fA-F]{64}$/;
const HEIGHT = /^[0-9]{1,19}$/;
const MAX_HEIGHT = (1n << 63n) - 1n;

/** What a search box entry names: a tx hash, an account address or a block height. */
export function classifySearch(raw: string): ExplorerTarget {
  const q = raw.trim();
  if (q === "") return { kind: "invalid", reason: "Enter a transaction hash, an account address or a block height." };
  if (q.length > 128) return { kind: "invalid", reason: "That is longer than any hash, address or height." };
  if (HASH.test(q)) return { kind: "tx", hash: normalizeHash(q)! };
  if (HEIGHT.test(q)) {
    const height = parseHeight(q);
    return height === undefined ? { kind: "invalid", reason: "Block heights start at 1." } : { kind: "block", height };
  }
  if (q.toLowerCase().startsWith("prec1")) {
    return isPrecisionAddress(q.toLowerCase())
      ? { kind: "account", address: q.toLowerCase() }
      : { kind: "invalid", reason: `"${q}" is not a valid Precision address (its checksum or length is wrong).` };
  }
  return { kind: "invalid", reason: `"${q}" is not a transaction hash (64 hex digits), a prec1… address or a block height.` };
}

/** Upper-case 64-digit hex without 0x, as the chain prints tx hashes; undefined when malformed. */
export function normalizeHash(raw: string): string | undefined {
  return HASH.test(raw) ? raw.replace(/^0x/, "").toUpperCase() : undefined;
}

export function parseHeight(raw: string): bigint | undefined {
  if (!HEIGHT.test(raw)) return undefined;
  const h = BigInt(raw);
  return h >= 1n && h <= MAX_HEIGHT ? h : undefined;
}

/** 1-based page from a query value; anything odd falls back to page 1. */
export function parsePage(raw: string | string[] | undefined, max = 10_000): number {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v || !/^[0-9]{1,6}$/.test(v)) return 1;
  return Math.min(Math.max(1, Number(v)), max);
}

export function shortHash(hash: string, keep = 8): string {
  return hash.length <= keep * 2 + 1 ? hash : `${hash.slice(0, keep)}…${hash.slice(-keep)}`;
}
