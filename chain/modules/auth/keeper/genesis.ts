import type { Context } from "../../../runtime/context/context.js";
import { type AuthGenesisJson, paramsToJson, parseGenesis } from "../types/genesis.js";
import { BASE_ACCOUNT_TYPE_URL } from "../types/keys.js";
import type { AccountKeeper } from "./keeper.js";

export function initGenesis(ctx: Context, keeper: AccountKeeper, json: unknown): void {
  const { params, accounts } = parseGenesis(json);
  keeper.setParams(ctx, params);
  let next = 0n;
  for (const account of accounts) {
    keeper.setAccount(ctx, account);
    if (account.accountNumber >= next) next = account.accountNumber + 1n;
  }
  keeper.setNextAccountNumber(ctx, next);
}

export function exportGenesis(ctx: Context, keeper: AccountKeeper): AuthGenesisJson {
  return {
    params: paramsToJson(keeper.getParams(ctx)),
    accounts: keeper
      .allAccounts(ctx)
      .sort((a, b) => (a.accountNumber < b.accountNumber ? -1 : a.accountNumber > b.accountNumber ? 1 : 0))
      .map((a) => ({
        "@type": BASE_ACCOUNT_TYPE_URL,
        address: a.address,
        pub_key: a.pubKey === undefined ? null : { "@type": "/cosmos.crypto.secp256k1.PubKey", key: Buffer.from(a.pubKey).toString("base64") },
        account_number: a.accountNumber.toString(),
        sequence: a.sequence.toString(),
      })),
  };
}
