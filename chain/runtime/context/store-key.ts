/**
 * Every module owns the keys under "<storeKey>/" of the single state tree. The separator keeps
 * "bank" from ever being a prefix of a module named e.g. "bankx". Raw store queries
 * (`store/<storeKey>/key`) and proofs use the same full keys.
 */
const encoder = new TextEncoder();
const STORE_KEY = /^[a-z][a-z0-9_]{0,31}$/;

const prefixes = new Map<string, Uint8Array>();

export function storePrefix(storeKey: string): Uint8Array {
  let prefix = prefixes.get(storeKey);
  if (prefix === undefined) {
    if (!STORE_KEY.test(storeKey)) throw new Error(`invalid store key "${storeKey}"`);
    prefix = encoder.encode(`${storeKey}/`);
    prefixes.set(storeKey, prefix);
  }
  return prefix;
}
