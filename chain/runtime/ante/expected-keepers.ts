import type { Context } from "../context/context.js";
import type { Coin } from "../coins/coins.js";

/** The view of an account the ante handler needs; auth's BaseAccount maps onto it. */
export interface AnteAccount {
  readonly address: string;
  /** 33-byte compressed secp256k1 key, once the account has signed a tx. */
  readonly pubKey: Uint8Array | undefined;
  readonly accountNumber: bigint;
  readonly sequence: bigint;
}

/** x/auth parameters the ante handler applies (x/auth/types/params.go). */
export interface AnteParams {
  readonly maxMemoCharacters: number;
  readonly txSigLimit: number;
  readonly txSizeCostPerByte: number;
  readonly sigVerifyCostSecp256k1: number;
}

export interface AnteAccountKeeper {
  getAccount(ctx: Context, address: string): AnteAccount | undefined;
  /** Stores the account as given (the ante handler changes only its pubKey and sequence). */
  setAccount(ctx: Context, account: AnteAccount): void;
  getAnteParams(ctx: Context): AnteParams;
}

export interface AnteBankKeeper {
  /** Moves the fee to the fee collector; throws ErrInsufficientFunds when the balance is short. */
  sendCoinsFromAccountToModule(ctx: Context, sender: string, recipientModule: string, coins: readonly Coin[]): void;
}
