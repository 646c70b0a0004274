export const MODULE_NAME = "bank";
export const STORE_KEY = "bank";

/**
 * State layout under "bank/":
 *   0x00 | denom                              → total supply of denom (decimal string)
 *   0x02 | len(address) | address | denom     → balance (decimal string); zero balances are deleted
 *   0x05                                      → Params (protobuf cosmos.bank.v1beta1.Params)
 */
export const SUPPLY_PREFIX = Uint8Array.of(0x00);
export const BALANCES_PREFIX = Uint8Array.of(0x02);
export const PARAMS_KEY = Uint8Array.of(0x05);

const encoder = new TextEncoder();

export function accountBalancesPrefix(address: Uint8Array): Uint8Array {
  const key = new Uint8Array(2 + address.length);
  key[0] = 0x02;
  key[1] = address.length;
  key.set(address, 2);
  return key;
}

/** Every transfer builds several balance keys; the chain has a handful of denoms. */
const denomBytes = new Map<string, Uint8Array>();

export function balanceKey(address: Uint8Array, denom: string): Uint8Array {
  let d = denomBytes.get(denom);
  if (d === undefined) {
    d = encoder.encode(denom);
    if (denomBytes.size < 1024) denomBytes.set(denom, d);
  }
  const key = new Uint8Array(2 + address.length + d.length);
  key[0] = 0x02;
  key[1] = address.length;
  key.set(address, 2);
  key.set(d, 2 + address.length);
  return key;
}

export function supplyKey(denom: string): Uint8Array {
  const d = encoder.encode(denom);
  const key = new Uint8Array(1 + d.length);
  key[0] = 0x00;
  key.set(d, 1);
  return key;
}

export const MSG_SEND_TYPE_URL = "/cosmos.bank.v1beta1.MsgSend";
export const MSG_SEND_RESPONSE_TYPE_URL = "/cosmos.bank.v1beta1.MsgSendResponse";
