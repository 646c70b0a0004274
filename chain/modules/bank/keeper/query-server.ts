import {
  QueryAllBalancesRequest,
  QueryAllBalancesResponse,
  QueryBalanceRequest,
  QueryBalanceResponse,
  QueryParamsRequest,
  QueryParamsResponse,
  QuerySupplyOfRequest,
  QuerySupplyOfResponse,
  QueryTotalSupplyRequest,
  QueryTotalSupplyResponse,
} from "cosmjs-types/cosmos/bank/v1beta1/query";
import { parseAddress } from "../../../runtime/address/bech32-address.js";
import { toProtoCoin, validateDenom } from "../../../runtime/coins/coins.js";
import type { Context } from "../../../runtime/context/context.js";
import { invalidArgument, type QueryHandler } from "../../../runtime/router/query-router.js";
import type { BankKeeper } from "./keeper.js";

export const QUERY_SERVICE = "cosmos.bank.v1beta1.Query";

function address(value: string): string {
  if (value === "") throw invalidArgument("empty address string is not allowed");
  const parsed = parseAddress(value);
  if (!parsed.ok) throw invalidArgument(`invalid address: ${parsed.error.message}`);
  return parsed.address;
}

function denom(value: string): string {
  try {
    validateDenom(value);
  } catch {
    throw invalidArgument(`invalid denom: ${value}`);
  }
  return value;
}

/** cosmos.bank.v1beta1.Query, as x/bank/keeper/grpc_query.go answers it. */
export function bankQueryServer(keeper: BankKeeper): Record<string, QueryHandler> {
  return {
    Balance(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryBalanceRequest.decode(data);
      const owner = address(req.address);
      const d = denom(req.denom);
      // Always a coin, "0" when the account holds none: CosmJS asserts the field is set.
      return QueryBalanceResponse.encode({ balance: { denom: d, amount: keeper.getBalance(ctx, owner, d).toString() } }).finish();
    },
    AllBalances(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryAllBalancesRequest.decode(data);
      const page = keeper.getAllBalances(ctx, address(req.address), req.pagination);
      return QueryAllBalancesResponse.encode({ balances: page.items.map(toProtoCoin), pagination: page.pagination }).finish();
    },
    TotalSupply(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryTotalSupplyRequest.decode(data);
      const page = keeper.getTotalSupply(ctx, req.pagination);
      return QueryTotalSupplyResponse.encode({ supply: page.items.map(toProtoCoin), pagination: page.pagination }).finish();
    },
    SupplyOf(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QuerySupplyOfRequest.decode(data);
      const d = denom(req.denom);
      return QuerySupplyOfResponse.encode({ amount: { denom: d, amount: keeper.getSupply(ctx, d).toString() } }).finish();
    },
    Params(ctx: Context, data: Uint8Array): Uint8Array {
      QueryParamsRequest.decode(data);
      return QueryParamsResponse.encode({ params: keeper.getParams(ctx) }).finish();
    },
  };
}
