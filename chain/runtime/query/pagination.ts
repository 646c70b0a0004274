import type { PageRequest, PageResponse } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";
import type { KVStore } from "../store/types.js";
import { invalidArgument } from "../router/query-router.js";
import { prefixEnd } from "../store/bytes.js";

export const DEFAULT_PAGE_LIMIT = 100;
/** Upper bound on one page, so a single query cannot walk the whole state. */
export const MAX_PAGE_LIMIT = 1000;

export interface Page<T> {
  readonly items: T[];
  readonly pagination: PageResponse;
}

/**
 * The SDK's query.Paginate over the keys under `prefix`: key-based (next_key is the first key of
 * the next page, relative to the prefix) or offset-based, optional reverse and count_total.
 * `decode` may return undefined to skip an entry without counting it.
 */
export function paginate<T>(
  store: KVStore,
  prefix: Uint8Array,
  request: PageRequest | undefined,
  decode: (key: Uint8Array, value: Uint8Array) => T | undefined,
): Page<T> {
  const key = request?.key ?? new Uint8Array();
  const offset = Number(request?.offset ?? 0n);
  const requestedLimit = Number(request?.limit ?? 0n);
  const reverse = request?.reverse ?? false;
  if (key.length > 0 && offset > 0) throw invalidArgument("paginate: invalid request, either offset or key is expected, got both");
  const limit = requestedLimit === 0 ? DEFAULT_PAGE_LIMIT : Math.min(requestedLimit, MAX_PAGE_LIMIT);
  const countTotal = (request?.countTotal ?? false) && key.length === 0;

  const join = (suffix: Uint8Array): Uint8Array => {
    const out = new Uint8Array(prefix.length + suffix.length);
    out.set(prefix);
    out.set(suffix, prefix.length);
    return out;
  };
  const end = prefix.length === 0 ? undefined : prefixEnd(prefix);
  let iterator: Iterable<[Uint8Array, Uint8Array]>;
  if (reverse) {
    // A reverse page resumes at next_key inclusive, hence the exclusive bound just above it.
    iterator = store.reverseIterator(prefix.length === 0 ? undefined : prefix, key.length > 0 ? successor(join(key)) : end);
  } else {
    iterator = store.iterator(key.length > 0 ? join(key) : prefix.length === 0 ? undefined : prefix, end);
  }

  const items: T[] = [];
  let seen = 0;
  let nextKey = new Uint8Array();
  for (const [fullKey, value] of iterator) {
    const item = decode(fullKey.subarray(prefix.length), value);
    if (item === undefined) continue;
    seen++;
    if (seen <= offset) continue;
    if (items.length === limit) {
      nextKey = fullKey.slice(prefix.length);
      if (!countTotal) break;
      continue;
    }
    items.push(item);
  }
  return { items, pagination: { nextKey, total: countTotal ? BigInt(seen) : 0n } };
}

/** The smallest key greater than `key`. */
function successor(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length + 1);
  out.set(key);
  return out;
}
