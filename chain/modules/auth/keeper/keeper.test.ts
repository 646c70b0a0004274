import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { describe, expect, it } from "vitest";
import { encodeAddress } from "../../../runtime/address/bech32-address.js";
import { encodeSecp256k1PubKey } from "../../../runtime/ante/sign-doc.js";
import { testContext } from "../../../runtime/testing/test-context.js";
import { accountKey, STORE_KEY } from "../types/keys.js";
import { AccountKeeper, type Account } from "./keeper.js";

const addrBytes = new Uint8Array(20).fill(7);
const address = encodeAddress(addrBytes);

/** What the stored bytes decode to, without any memo: the reference for every read. */
function decodedFromStore(ctx: ReturnType<typeof testContext>): BaseAccount {
  return BaseAccount.decode(ctx.kvStore(STORE_KEY).get(accountKey(addrBytes))!);
}

describe("AccountKeeper reads after writes", () => {
  it("reads back exactly what the stored bytes decode to, with a compressed key", () => {
    const keeper = new AccountKeeper();
    const ctx = testContext();
    const pubKey = Uint8Array.from({ length: 33 }, (_, i) => (i === 0 ? 2 : i));
    keeper.setAccount(ctx, { address: address.toUpperCase(), pubKey, accountNumber: 3n, sequence: 9n });
    const read = keeper.getAccount(ctx, address) as Account;
    const stored = decodedFromStore(ctx);
    expect(read).toEqual({ address: stored.address, pubKey, accountNumber: stored.accountNumber, sequence: stored.sequence });
    expect(read.address).toBe(address); // the canonical lowercase spelling, whatever was passed in
    expect(stored.pubKey).toEqual(encodeSecp256k1PubKey(pubKey));
  });

  it("drops a key the decoder does not accept, as a fresh decode of the bytes would", () => {
    const keeper = new AccountKeeper();
    const ctx = testContext();
    const uncompressed = Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : i));
    keeper.setAccount(ctx, { address, pubKey: uncompressed, accountNumber: 1n, sequence: 0n });
    expect(keeper.getAccount(ctx, address)?.pubKey).toBeUndefined();
  });

  it("reads the newest write after several writes of one account", () => {
    const keeper = new AccountKeeper();
    const ctx = testContext();
    for (let s = 0n; s < 5n; s++) keeper.setAccount(ctx, { address, pubKey: undefined, accountNumber: 0n, sequence: s });
    expect(keeper.getAccount(ctx, address)?.sequence).toBe(4n);
  });
});
