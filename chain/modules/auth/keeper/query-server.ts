import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import {
  QueryAccountRequest,
  QueryAccountResponse,
  QueryParamsRequest,
  QueryParamsResponse,
} from "cosmjs-types/cosmos/auth/v1beta1/query";
import { parseAddress } from "../../../runtime/address/bech32-address.js";
import type { Context } from "../../../runtime/context/context.js";
import { invalidArgument, notFound, type QueryHandler } from "../../../runtime/router/query-router.js";
import { BASE_ACCOUNT_TYPE_URL } from "../types/keys.js";
import { toBaseAccount, type AccountKeeper } from "./keeper.js";

export const QUERY_SERVICE = "cosmos.auth.v1beta1.Query";

/** cosmos.auth.v1beta1.Query, as x/auth/keeper/grpc_query.go answers it. */
export function authQueryServer(keeper: AccountKeeper): Record<string, QueryHandler> {
  return {
    Account(ctx: Context, data: Uint8Array): Uint8Array {
      const req = QueryAccountRequest.decode(data);
      if (req.address === "") throw invalidArgument("Address cannot be empty");
      const parsed = parseAddress(req.address);
      if (!parsed.ok) throw invalidArgument(parsed.error.message);
      const account = keeper.getAccount(ctx, parsed.address);
      // CosmJS's getAccount returns null only on this exact NotFound phrasing.
      if (account === undefined) throw notFound(`account ${req.address} not found`);
      return QueryAccountResponse.encode({
        account: { typeUrl: BASE_ACCOUNT_TYPE_URL, value: BaseAccount.encode(toBaseAccount(account)).finish() },
      }).finish();
    },
    Params(ctx: Context, data: Uint8Array): Uint8Array {
      QueryParamsRequest.decode(data);
      return QueryParamsResponse.encode({ params: keeper.getParams(ctx) }).finish();
    },
  };
}
