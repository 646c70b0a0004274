import { bech32 } from "@scure/base";
import { ErrInvalidAddress } from "../errors/sdk-errors.js";
import type { ChainError } from "../errors/registry.js";
import { keyString } from "../store/bytes.js";

export const ACCOUNT_ADDRESS_PREFIX = "prec";

/** The SDK's default VerifyAddressFormat: 1 to 255 bytes. */
const MAX_ADDRESS_LENGTH = 255;

export type AddressResult = { ok: true; bytes: Uint8Array; address: string } | { ok: false; error: ChainError };

/**
 * Parses a bech32 account address with the chain's prefix. The canonical (lowercase) string is
 * returned so that state never keys the same account under two spellings.
 */
export function parseAddress(address: string, prefix = ACCOUNT_ADDRESS_PREFIX): AddressResult {
  // Parsing is a pure function of its inputs, so remembering recent answers cannot change them.
  // Keyed by the address string itself: the same string object comes back (from a decoded tx)
  // and keeps its hash, where a composite key would be built and hashed on every call.
  let cache = parsedByPrefix.get(prefix);
  if (cache === undefined) parsedByPrefix.set(prefix, (cache = new Map()));
  const cached = cache.get(address);
  if (cached !== undefined) return cached;
  const result = parseUncached(address, prefix);
  if (result.ok) {
    if (cache.size >= PARSE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(address, result);
  }
  return result;
}

const PARSE_CACHE_SIZE = 50_000;
const parsedByPrefix = new Map<string, Map<string, AddressResult>>();

function parseUncached(address: string, prefix: string): AddressResult {
  if (address.length === 0) return { ok: false, error: ErrInvalidAddress.wrap("empty address string is not allowed") };
  let decoded: { prefix: string; words: number[] };
  try {
    decoded = bech32.decode(address as `${string}1${string}`, 90);
  } catch (err) {
    return { ok: false, error: ErrInvalidAddress.wrap(`decoding bech32 failed: ${(err as Error).message}`) };
  }
  if (decoded.prefix !== prefix) {
    return { ok: false, error: ErrInvalidAddress.wrap(`invalid Bech32 prefix; expected ${prefix}, got ${decoded.prefix}`) };
  }
  let bytes: Uint8Array;
  try {
    bytes = bech32.fromWords(decoded.words);
  } catch (err) {
    return { ok: false, error: ErrInvalidAddress.wrap(`decoding bech32 failed: ${(err as Error).message}`) };
  }
  if (bytes.length === 0 || bytes.length > MAX_ADDRESS_LENGTH) {
    return { ok: false, error: ErrInvalidAddress.wrap(`address length must be 1-${MAX_ADDRESS_LENGTH} bytes, got ${bytes.length}`) };
  }
  return { ok: true, bytes, address: address.toLowerCase() };
}

/** Like parseAddress but throws the ChainError; `field` names the message field in the log. */
export function mustParseAddress(address: string, field: string, prefix = ACCOUNT_ADDRESS_PREFIX): Uint8Array {
  const parsed = parseAddress(address, prefix);
  if (!parsed.ok) throw parsed.error.wrap(`invalid ${field} address`);
  return parsed.bytes;
}

export function encodeAddress(bytes: Uint8Array, prefix = ACCOUNT_ADDRESS_PREFIX): string {
  // Every tx encodes its signers' and recipients' addresses again; the bech32 checksum dominates.
  const cacheKey = `${prefix}|${keyString(bytes)}`;
  let address = encoded.get(cacheKey);
  if (address === undefined) {
    address = bech32.encode(prefix, bech32.toWords(bytes), 90);
    if (encoded.size >= PARSE_CACHE_SIZE) encoded.delete(encoded.keys().next().value as string);
    encoded.set(cacheKey, address);
  }
  return address;
}

const encoded = new Map<string, string>();
