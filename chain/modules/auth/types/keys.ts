export const MODULE_NAME = "auth";
export const STORE_KEY = "auth";

/**
 * State layout under "auth/":
 *   0x01 | address bytes  → BaseAccount (protobuf)
 *   0x02                  → next account number (u64 big-endian)
 *   0x03                  → Params (protobuf cosmos.auth.v1beta1.Params)
 */
export const ACCOUNT_PREFIX = Uint8Array.of(0x01);
export const GLOBAL_ACCOUNT_NUMBER_KEY = Uint8Array.of(0x02);
export const PARAMS_KEY = Uint8Array.of(0x03);

export function accountKey(addressBytes: Uint8Array): Uint8Array {
  const key = new Uint8Array(1 + addressBytes.length);
  key[0] = 0x01;
  key.set(addressBytes, 1);
  return key;
}

export const BASE_ACCOUNT_TYPE_URL = "/cosmos.auth.v1beta1.BaseAccount";
