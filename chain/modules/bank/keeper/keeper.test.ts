import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import {
  QueryAllBalancesRequest,
  QueryAllBalancesResponse,
  QueryBalanceRequest,
  QueryBalanceResponse,
  QuerySupplyOfRequest,
  QuerySupplyOfResponse,
} from "cosmjs-types/cosmos/bank/v1beta1/query";
import { beforeEach, describe, expect, it } from "vitest";
import { encodeAddress } from "../../../runtime/address/bech32-address.js";
import { moduleAddressBytes } from "../../../runtime/address/derive.js";
import type { Context } from "../../../runtime/context/context.js";
import { ChainError } from "../../../runtime/errors/registry.js";
import { GrpcStatusError } from "../../../runtime/router/query-router.js";
import { testContext } from "../../../runtime/testing/test-context.js";
import type { BankAccountKeeper } from "../types/expected-keepers.js";
import { BankKeeper } from "./keeper.js";
import { msgSendRoute } from "./msg-server.js";
import { bankQueryServer } from "./query-server.js";

/** Fake auth: a set of addresses, recording creations. */
class FakeAccounts implements BankAccountKeeper {
  readonly existing = new Set<string>();
  readonly created: string[] = [];
  hasAccount(_ctx: Context, address: string): boolean {
    return this.existing.has(address);
  }
  createAccount(_ctx: Context, address: string): void {
    this.created.push(address);
    this.existing.add(address);
  }
}

const alice = encodeAddress(new Uint8Array(20).fill(0xa1));
const bob = encodeAddress(new Uint8Array(20).fill(0xb0));
let accounts: FakeAccounts;
let keeper: BankKeeper;
let ctx: Context;

beforeEach(() => {
  accounts = new FakeAccounts();
  accounts.existing.add(alice);
  keeper = new BankKeeper(accounts);
  ctx = testContext();
  keeper.mintToAccount(ctx, alice, [
    { denom: "uatom", amount: 5n },
    { denom: "uusd", amount: 1000n },
  ]);
});

function send(msg: Partial<MsgSend>): void {
  const route = msgSendRoute(keeper, ["fee_collector"]);
  const full = MsgSend.fromPartial({ fromAddress: alice, toAddress: bob, amount: [{ denom: "uusd", amount: "10" }], ...msg });
  route.validateBasic?.(full);
  route.handle(ctx, full);
}

function sendError(msg: Partial<MsgSend>): ChainError {
  try {
    send(msg);
  } catch (err) {
    if (err instanceof ChainError) return err;
    throw err;
  }
  throw new Error("expected failure");
}

describe("bank MsgSend", () => {
  it("moves coins, creates the recipient account and emits the SDK's events in order", () => {
    send({});
    expect(keeper.getBalance(ctx, alice, "uusd")).toBe(990n);
    expect(keeper.getBalance(ctx, bob, "uusd")).toBe(10n);
    expect(accounts.created).toEqual([bob]);
    expect(ctx.eventManager.events().map((e) => e.type).slice(-4)).toEqual(["coin_spent", "coin_received", "transfer", "message"]);
    expect(keeper.getSupply(ctx, "uusd")).toBe(1000n);
  });

  it("rejects bad addresses (7), bad coins (10), short balances (5) and module recipients (4)", () => {
    expect(sendError({ toAddress: "cosmos1xyz" }).code).toBe(7);
    expect(sendError({ amount: [{ denom: "uusd", amount: "-1" }] }).code).toBe(10);
    expect(sendError({ amount: [{ denom: "uusd", amount: "1.5" }] }).code).toBe(10);
    expect(sendError({ amount: [{ denom: "uusd", amount: "0" }] }).code).toBe(10);
    expect(sendError({ amount: [] }).code).toBe(10);
    expect(sendError({ amount: [{ denom: "uusd", amount: "1" }, { denom: "uatom", amount: "1" }] }).code).toBe(10);
    const short = sendError({ amount: [{ denom: "uusd", amount: "1001" }] });
    expect([short.code, short.message]).toEqual([5, "spendable balance 1000uusd is smaller than 1001uusd: insufficient funds"]);
    expect(keeper.getBalance(ctx, alice, "uusd")).toBe(1000n);
    expect(sendError({ toAddress: encodeAddress(moduleAddressBytes("fee_collector")) }).code).toBe(4);
  });

  it("handles amounts beyond 2^53 exactly", () => {
    keeper.mintToAccount(ctx, alice, [{ denom: "ubig", amount: 2n ** 70n }]);
    send({ amount: [{ denom: "ubig", amount: (2n ** 70n - 1n).toString() }] });
    expect(keeper.getBalance(ctx, alice, "ubig")).toBe(1n);
    expect(keeper.getBalance(ctx, bob, "ubig")).toBe(2n ** 70n - 1n);
  });
});

describe("bank queries", () => {
  const q = () => bankQueryServer(keeper);

  it("answers Balance with a zero coin when there is none", () => {
    const res = QueryBalanceResponse.decode(q().Balance!(ctx, QueryBalanceRequest.encode({ address: bob, denom: "uusd" }).finish()));
    expect(res.balance).toEqual({ denom: "uusd", amount: "0" });
  });

  it("pages AllBalances by key and reports the total", () => {
    const page1 = QueryAllBalancesResponse.decode(
      q().AllBalances!(ctx, QueryAllBalancesRequest.encode(QueryAllBalancesRequest.fromPartial({ address: alice, pagination: { limit: 1n, countTotal: true } })).finish()),
    );
    expect(page1.balances).toEqual([{ denom: "uatom", amount: "5" }]);
    expect(page1.pagination!.total).toBe(2n);
    const page2 = QueryAllBalancesResponse.decode(
      q().AllBalances!(ctx, QueryAllBalancesRequest.encode(QueryAllBalancesRequest.fromPartial({ address: alice, pagination: { key: page1.pagination!.nextKey, limit: 1n } })).finish()),
    );
    expect(page2.balances).toEqual([{ denom: "uusd", amount: "1000" }]);
    expect(page2.pagination!.nextKey.length).toBe(0);
  });

  it("answers SupplyOf and refuses malformed requests with InvalidArgument", () => {
    expect(QuerySupplyOfResponse.decode(q().SupplyOf!(ctx, QuerySupplyOfRequest.encode({ denom: "uatom" }).finish())).amount).toEqual({ denom: "uatom", amount: "5" });
    expect(() => q().Balance!(ctx, QueryBalanceRequest.encode({ address: "nope", denom: "uusd" }).finish())).toThrow(GrpcStatusError);
  });
});
