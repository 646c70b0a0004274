import { fromBase64 } from "@cosmjs/encoding";
import { describe, expect, it } from "vitest";
import {
  accountKeyFromMnemonic,
  addressFromPubkey,
  generateMnemonic,
  isPrecisionAddress,
  toPrecisionAddress,
  walletFromMnemonic,
} from "./keys.js";

// CosmJS's published test vector: this mnemonic at m/44'/118'/0'/0/0 is
// cosmos14qemq0vw6y3gc3u3e0aty2e764u4gs5le3hada with this compressed public key.
const mnemonic = "enlist hip relief stomach skate base shallow young switch frequent cry park";
const cosmosAddress = "cosmos14qemq0vw6y3gc3u3e0aty2e764u4gs5le3hada";
const pubkey = fromBase64("A9cXhWb8ZpqCzkA8dQCPV29KdeRLV3rUYxrkHudLbQtS");

describe("keys", () => {
  it("derives the known account with the prec prefix", async () => {
    const [account] = await (await walletFromMnemonic(mnemonic)).getAccounts();
    expect(account?.pubkey).toEqual(pubkey);
    expect(account?.address).toBe(toPrecisionAddress(cosmosAddress));
    expect(account?.address.startsWith("prec1")).toBe(true);
  });

  it("computes the address from a public key alone", () => {
    expect(addressFromPubkey(pubkey)).toBe(toPrecisionAddress(cosmosAddress));
    expect(() => addressFromPubkey(pubkey.slice(1))).toThrow(/33-byte/);
  });

  it("derives distinct accounts per index", async () => {
    const wallet = await walletFromMnemonic(mnemonic, { accountIndexes: [0, 1] });
    const accounts = await wallet.getAccounts();
    expect(accounts).toHaveLength(2);
    expect(accounts[0]?.address).not.toBe(accounts[1]?.address);
  });

  it("generates valid mnemonics of either length", async () => {
    expect(generateMnemonic().split(" ")).toHaveLength(24);
    const twelve = generateMnemonic(12);
    expect(twelve.split(" ")).toHaveLength(12);
    await expect(walletFromMnemonic(twelve)).resolves.toBeDefined();
    await expect(walletFromMnemonic("not a mnemonic")).rejects.toThrow();
  });

  it("recognises prec addresses only", () => {
    expect(isPrecisionAddress(addressFromPubkey(pubkey))).toBe(true);
    expect(isPrecisionAddress(cosmosAddress)).toBe(false);
    expect(isPrecisionAddress("prec1notbech32")).toBe(false);
  });
});

describe("accountKeyFromMnemonic", () => {
  it("derives the key the wallet signs with", async () => {
    const mnemonic = generateMnemonic(12);
    const [account] = await (await walletFromMnemonic(mnemonic)).getAccounts();
    const key = await accountKeyFromMnemonic(mnemonic);
    expect(key.address).toBe(account!.address);
    expect(key.publicKey).toEqual(account!.pubkey);
    expect(key.privateKey).toHaveLength(32);
  });
});
