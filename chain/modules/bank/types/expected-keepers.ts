import type { Context } from "../../../runtime/context/context.js";

/** What bank needs from auth: accounts are created when they first receive funds. */
export interface BankAccountKeeper {
  hasAccount(ctx: Context, address: string): boolean;
  createAccount(ctx: Context, address: string): unknown;
}
