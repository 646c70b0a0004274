import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { QueryAccountRequest, QueryAccountResponse, QueryParamsResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { describe, expect, it } from "vitest";
import { encodeAddress } from "../../../runtime/address/bech32-address.js";
import { GrpcStatusError } from "../../../runtime/router/query-router.js";
import { testContext } from "../../../runtime/testing/test-context.js";
import { exportGenesis, initGenesis } from "./genesis.js";
import { AccountKeeper } from "./keeper.js";
import { authQueryServer } from "./query-server.js";

const addr = (n: number) => encodeAddress(new Uint8Array(20).fill(n));

describe("auth", () => {
  it("numbers accounts in creation order and answers Account with a BaseAccount Any", () => {
    const keeper = new AccountKeeper();
    const ctx = testContext();
    keeper.createAccount(ctx, addr(1));
    keeper.createAccount(ctx, addr(2));
    const res = QueryAccountResponse.decode(authQueryServer(keeper).Account!(ctx, QueryAccountRequest.encode({ address: addr(2) }).finish()));
    expect(res.account!.typeUrl).toBe("/cosmos.auth.v1beta1.BaseAccount");
    expect(BaseAccount.decode(res.account!.value)).toMatchObject({ address: addr(2), accountNumber: 1n, sequence: 0n });
  });

  it("answers an unknown account with gRPC NotFound, which the app renders as code 22", () => {
    const keeper = new AccountKeeper();
    let caught: unknown;
    try {
      authQueryServer(keeper).Account!(testContext(), QueryAccountRequest.encode({ address: addr(9) }).finish());
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(GrpcStatusError);
    const chainErr = (caught as GrpcStatusError).toChainError();
    expect([chainErr.codespace, chainErr.code, chainErr.message]).toEqual(["sdk", 22, `rpc error: code = NotFound desc = account ${addr(9)} not found: key not found`]);
  });

  it("round-trips genesis, continuing account numbers after the highest one", () => {
    const keeper = new AccountKeeper();
    const ctx = testContext();
    const genesis = {
      params: { max_memo_characters: "100", tx_sig_limit: "7", tx_size_cost_per_byte: "10", sig_verify_cost_ed25519: "590", sig_verify_cost_secp256k1: "1000" },
      accounts: [
        { "@type": "/cosmos.auth.v1beta1.BaseAccount", address: addr(3), pub_key: null, account_number: "4", sequence: "2" },
        { "@type": "/cosmos.auth.v1beta1.BaseAccount", address: addr(4), pub_key: null, account_number: "0", sequence: "0" },
      ],
    };
    initGenesis(ctx, keeper, genesis);
    expect(keeper.createAccount(ctx, addr(5)).accountNumber).toBe(5n);
    const exported = exportGenesis(ctx, keeper);
    expect(exported.accounts.map((a) => a.account_number)).toEqual(["0", "4", "5"]);
    expect(QueryParamsResponse.decode(authQueryServer(keeper).Params!(ctx, new Uint8Array())).params!.maxMemoCharacters).toBe(100n);
    expect(() => initGenesis(testContext(), new AccountKeeper(), { ...genesis, accounts: [genesis.accounts[0], genesis.accounts[0]] })).toThrow(/duplicate account/);
  });
});
