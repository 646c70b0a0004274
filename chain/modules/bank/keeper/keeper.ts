import { Params } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import type { PageRequest } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";
import { encodeAddress, mustParseAddress } from "../../../runtime/address/bech32-address.js";
import { moduleAddressBytes } from "../../../runtime/address/derive.js";
import type { AnteBankKeeper } from "../../../runtime/ante/expected-keepers.js";
import type { Coin } from "../../../runtime/coins/coins.js";
import type { Context } from "../../../runtime/context/context.js";
import { paginate, type Page } from "../../../runtime/query/pagination.js";
import { latin1 } from "../../../runtime/store/bytes.js";
import { ErrInsufficientFunds, ErrSendDisabled } from "../types/errors.js";
import { coinReceivedEvent, coinSpentEvent, messageSenderEvent, transferEvent } from "../types/events.js";
import type { BankAccountKeeper } from "../types/expected-keepers.js";
import { accountBalancesPrefix, balanceKey, PARAMS_KEY, STORE_KEY, SUPPLY_PREFIX, supplyKey } from "../types/keys.js";
import { DEFAULT_PARAMS, isSendEnabled } from "../types/params.js";

const decoder = new TextDecoder();

// Amounts are stored as decimal ASCII (as the SDK's math.Int marshals). Every send reads and writes
// four of them, so they skip the UTF-8 codecs: ASCII digits are the same bytes in latin1.
function encodeAmount(amount: bigint): Uint8Array {
  const text = amount.toString();
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function decodeAmount(bytes: Uint8Array | undefined): bigint {
  return bytes === undefined ? 0n : BigInt(latin1(bytes, 0, bytes.length));
}

const sendParams = new WeakMap<Uint8Array, Params>();

/** The only writer of "bank/": balances, supply and params. */
export class BankKeeper implements AnteBankKeeper {
  constructor(private readonly accountKeeper: BankAccountKeeper) {}

  getBalance(ctx: Context, address: string, denom: string): bigint {
    const addr = mustParseAddress(address, "account");
    return decodeAmount(ctx.kvStore(STORE_KEY).get(balanceKey(addr, denom)));
  }

  /** Balances of one account in denom order, one page at a time. */
  getAllBalances(ctx: Context, address: string, page?: PageRequest): Page<Coin> {
    const addr = mustParseAddress(address, "account");
    return paginate(ctx.kvStore(STORE_KEY), accountBalancesPrefix(addr), page, (key, value) => ({
      denom: decoder.decode(key),
      amount: decodeAmount(value),
    }));
  }

  getSupply(ctx: Context, denom: string): bigint {
    return decodeAmount(ctx.kvStore(STORE_KEY).get(supplyKey(denom)));
  }

  getTotalSupply(ctx: Context, page?: PageRequest): Page<Coin> {
    return paginate(ctx.kvStore(STORE_KEY), SUPPLY_PREFIX, page, (key, value) => ({
      denom: decoder.decode(key),
      amount: decodeAmount(value),
    }));
  }

  /** Every (address, coins) pair with a balance, for genesis export, in store order. */
  allBalances(ctx: Context): { address: string; coins: Coin[] }[] {
    const out: { address: string; coins: Coin[] }[] = [];
    const store = ctx.kvStore(STORE_KEY);
    for (const [key, value] of store.iterator(Uint8Array.of(0x02), Uint8Array.of(0x03))) {
      const len = key[1] as number;
      const address = encodeAddress(key.subarray(2, 2 + len));
      const coin = { denom: decoder.decode(key.subarray(2 + len)), amount: decodeAmount(value) };
      const last = out[out.length - 1];
      if (last !== undefined && last.address === address) last.coins.push(coin);
      else out.push({ address, coins: [coin] });
    }
    return out;
  }

  getParams(ctx: Context): Params {
    const bytes = ctx.kvStore(STORE_KEY).get(PARAMS_KEY);
    return bytes === undefined ? DEFAULT_PARAMS : Params.decode(bytes);
  }

  setParams(ctx: Context, params: Params): void {
    ctx.kvStore(STORE_KEY).set(PARAMS_KEY, Params.encode(params).finish());
  }

  assertSendEnabled(ctx: Context, coins: readonly Coin[]): void {
    // Every send checks this; the decoded params are remembered per stored bytes and never handed out.
    const bytes = ctx.kvStore(STORE_KEY).get(PARAMS_KEY);
    let params = bytes === undefined ? DEFAULT_PARAMS : sendParams.get(bytes);
    if (params === undefined) {
      params = Params.decode(bytes as Uint8Array);
      sendParams.set(bytes as Uint8Array, params);
    }
    for (const c of coins) {
      if (!isSendEnabled(params, c.denom)) throw ErrSendDisabled.wrap(`${c.denom} transfers are currently disabled`);
    }
  }

  /**
   * Moves coins between accounts (x/bank SendCoins): debit with coin_spent, credit with
   * coin_received, create the recipient account if new, then transfer and message events.
   */
  sendCoins(ctx: Context, from: string, to: string, coins: readonly Coin[]): void {
    this.subtractCoins(ctx, from, coins);
    this.addCoins(ctx, to, coins);
    if (!this.accountKeeper.hasAccount(ctx, to)) this.accountKeeper.createAccount(ctx, to);
    ctx.eventManager.emitEvent(transferEvent(to, from, coins));
    ctx.eventManager.emitEvent(messageSenderEvent(from));
  }

  sendCoinsFromAccountToModule(ctx: Context, sender: string, recipientModule: string, coins: readonly Coin[]): void {
    const moduleAddress = this.moduleAddress(recipientModule);
    this.subtractCoins(ctx, sender, coins);
    this.addCoins(ctx, moduleAddress, coins);
    ctx.eventManager.emitEvent(transferEvent(moduleAddress, sender, coins));
    ctx.eventManager.emitEvent(messageSenderEvent(sender));
  }

  private readonly moduleAddresses = new Map<string, string>();

  private moduleAddress(moduleName: string): string {
    let address = this.moduleAddresses.get(moduleName);
    if (address === undefined) {
      address = encodeAddress(moduleAddressBytes(moduleName));
      this.moduleAddresses.set(moduleName, address);
    }
    return address;
  }

  /** Credits new coins and raises the supply; used by genesis only (the chain has no minting). */
  mintToAccount(ctx: Context, address: string, coins: readonly Coin[]): void {
    this.addCoins(ctx, address, coins);
    const store = ctx.kvStore(STORE_KEY);
    for (const c of coins) store.set(supplyKey(c.denom), encodeAmount(this.getSupply(ctx, c.denom) + c.amount));
  }

  private subtractCoins(ctx: Context, address: string, coins: readonly Coin[]): void {
    const addr = mustParseAddress(address, "sender");
    const store = ctx.kvStore(STORE_KEY);
    for (const c of coins) {
      const key = balanceKey(addr, c.denom);
      const balance = decodeAmount(store.get(key));
      if (balance < c.amount) {
        throw ErrInsufficientFunds.wrap(`spendable balance ${balance}${c.denom} is smaller than ${c.amount}${c.denom}`);
      }
      const rest = balance - c.amount;
      if (rest === 0n) store.delete(key);
      else store.set(key, encodeAmount(rest));
    }
    ctx.eventManager.emitEvent(coinSpentEvent(address, coins));
  }

  private addCoins(ctx: Context, address: string, coins: readonly Coin[]): void {
    const addr = mustParseAddress(address, "recipient");
    const store = ctx.kvStore(STORE_KEY);
    for (const c of coins) {
      const key = balanceKey(addr, c.denom);
      store.set(key, encodeAmount(decodeAmount(store.get(key)) + c.amount));
    }
    ctx.eventManager.emitEvent(coinReceivedEvent(address, coins));
  }
}
