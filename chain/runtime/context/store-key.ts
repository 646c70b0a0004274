/**
 * Every module owns the keys under "<storeKey>/" of the single state tree. The separator keeps
 * "bank" from ever being a prefix of a module named e.g. "bankx". Raw store queries
 * (`store/<storeKey>/key`) and proofs use the same full keys.
 */
const encoder = new TextEncoder();
const STORE_KEY = /^[a-z][a-z0-9_]{0,31}$/;

export function storePrefix(storeKey: string): Uint8Array {
  if (!STORE_KEY.test(storeKey)) throw new Error(`invalid store key "${storeKey}"`);
  return encoder.encode(`${storeKey}/`);
}
