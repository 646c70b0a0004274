import { BaseAccount, Params } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { parseAddress } from "../../../runtime/address/bech32-address.js";
import { decodeSecp256k1PubKey, encodeSecp256k1PubKey } from "../../../runtime/ante/sign-doc.js";
import type { AnteAccountKeeper, AnteParams } from "../../../runtime/ante/expected-keepers.js";
import type { Context } from "../../../runtime/context/context.js";
import { ACCOUNT_PREFIX, accountKey, GLOBAL_ACCOUNT_NUMBER_KEY, PARAMS_KEY, STORE_KEY } from "../types/keys.js";
import { DEFAULT_PARAMS } from "../types/params.js";

/** An account as the keeper hands it out: the BaseAccount fields with the key unpacked. */
export interface Account {
  readonly address: string;
  readonly pubKey: Uint8Array | undefined;
  readonly accountNumber: bigint;
  readonly sequence: bigint;
}

function encodeU64(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value);
  return out;
}

function decodeU64(bytes: Uint8Array): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(0);
}

/** The only writer of "auth/": accounts, the global account number and params. */
export class AccountKeeper implements AnteAccountKeeper {
  getAccount(ctx: Context, address: string): Account | undefined {
    const parsed = parseAddress(address);
    if (!parsed.ok) return undefined;
    const bytes = ctx.kvStore(STORE_KEY).get(accountKey(parsed.bytes));
    return bytes === undefined ? undefined : decodeAccount(bytes);
  }

  hasAccount(ctx: Context, address: string): boolean {
    const parsed = parseAddress(address);
    return parsed.ok && ctx.kvStore(STORE_KEY).has(accountKey(parsed.bytes));
  }

  /** Creates an account with the next account number, as the SDK does on first receipt of funds. */
  createAccount(ctx: Context, address: string): Account {
    const account: Account = { address, pubKey: undefined, accountNumber: this.nextAccountNumber(ctx), sequence: 0n };
    this.setAccount(ctx, account);
    return account;
  }

  setAccount(ctx: Context, account: Account): void {
    const parsed = parseAddress(account.address);
    if (!parsed.ok) throw parsed.error.wrap("invalid account address");
    const bytes = parsed.bytes;
    const base: BaseAccount = {
      // The canonical (lowercase) spelling, as encoding the bytes again would give.
      address: parsed.address,
      pubKey: account.pubKey === undefined ? undefined : encodeSecp256k1PubKey(account.pubKey),
      accountNumber: account.accountNumber,
      sequence: account.sequence,
    };
    const encoded = BaseAccount.encode(base).finish();
    // The next read of this account gets these bytes back: hand it the account they decode to
    // (decoding them again was a quarter of the ante handler's time).
    const { pubKey } = account;
    if (pubKey === undefined || isCompressedSecp256k1Key(pubKey)) {
      decodedAccounts.set(encoded, { address: parsed.address, pubKey, accountNumber: account.accountNumber, sequence: account.sequence });
    }
    ctx.kvStore(STORE_KEY).set(accountKey(bytes), encoded);
  }

  /** Every account in address-byte order (genesis export). */
  allAccounts(ctx: Context): Account[] {
    const out: Account[] = [];
    const store = ctx.kvStore(STORE_KEY);
    const end = Uint8Array.of(ACCOUNT_PREFIX[0]! + 1);
    for (const [, value] of store.iterator(ACCOUNT_PREFIX, end)) out.push(fromBaseAccount(BaseAccount.decode(value)));
    return out;
  }

  nextAccountNumber(ctx: Context): bigint {
    const store = ctx.kvStore(STORE_KEY);
    const current = store.get(GLOBAL_ACCOUNT_NUMBER_KEY);
    const next = current === undefined ? 0n : decodeU64(current);
    store.set(GLOBAL_ACCOUNT_NUMBER_KEY, encodeU64(next + 1n));
    return next;
  }

  peekNextAccountNumber(ctx: Context): bigint {
    const current = ctx.kvStore(STORE_KEY).get(GLOBAL_ACCOUNT_NUMBER_KEY);
    return current === undefined ? 0n : decodeU64(current);
  }

  setNextAccountNumber(ctx: Context, next: bigint): void {
    ctx.kvStore(STORE_KEY).set(GLOBAL_ACCOUNT_NUMBER_KEY, encodeU64(next));
  }

  getParams(ctx: Context): Params {
    const bytes = ctx.kvStore(STORE_KEY).get(PARAMS_KEY);
    return bytes === undefined ? DEFAULT_PARAMS : Params.decode(bytes);
  }

  setParams(ctx: Context, params: Params): void {
    ctx.kvStore(STORE_KEY).set(PARAMS_KEY, Params.encode(params).finish());
  }

  /** Read by every tx's ante handler: derived once per stored params bytes (AnteParams is read-only). */
  getAnteParams(ctx: Context): AnteParams {
    const bytes = ctx.kvStore(STORE_KEY).get(PARAMS_KEY);
    const known = bytes === undefined ? defaultAnteParams : anteParams.get(bytes);
    if (known !== undefined) return known;
    const derived = toAnteParams(Params.decode(bytes as Uint8Array));
    anteParams.set(bytes as Uint8Array, derived);
    return derived;
  }
}

function toAnteParams(p: Params): AnteParams {
  return Object.freeze({
    maxMemoCharacters: Number(p.maxMemoCharacters),
    txSigLimit: Number(p.txSigLimit),
    txSizeCostPerByte: Number(p.txSizeCostPerByte),
    sigVerifyCostSecp256k1: Number(p.sigVerifyCostSecp256k1),
  });
}

const defaultAnteParams = toAnteParams(DEFAULT_PARAMS);
const anteParams = new WeakMap<Uint8Array, AnteParams>();

/**
 * The account in these stored bytes. Every tx reads its signers' accounts several times (fee,
 * public key, sequence, in CheckTx and again in FinalizeBlock), and the store hands back the same
 * bytes object until the account is written again, so the decoding is remembered per bytes object.
 * It is a pure function of the bytes, and Accounts are never mutated (writers build new ones).
 */
function decodeAccount(bytes: Uint8Array): Account {
  let account = decodedAccounts.get(bytes);
  if (account === undefined) {
    account = fromBaseAccount(BaseAccount.decode(bytes));
    decodedAccounts.set(bytes, account);
  }
  return account;
}

const decodedAccounts = new WeakMap<Uint8Array, Account>();

/** What decodeSecp256k1PubKey accepts; any other key would not survive a decode unchanged. */
function isCompressedSecp256k1Key(key: Uint8Array): boolean {
  return key.length === 33 && (key[0] === 2 || key[0] === 3);
}

function fromBaseAccount(base: BaseAccount): Account {
  return {
    address: base.address,
    pubKey: base.pubKey === undefined ? undefined : decodeSecp256k1PubKey(base.pubKey),
    accountNumber: base.accountNumber,
    sequence: base.sequence,
  };
}

export function toBaseAccount(account: Account): BaseAccount {
  return {
    address: account.address,
    pubKey: account.pubKey === undefined ? undefined : encodeSecp256k1PubKey(account.pubKey),
    accountNumber: account.accountNumber,
    sequence: account.sequence,
  };
}
