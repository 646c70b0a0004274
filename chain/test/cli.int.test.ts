// The precisiond CLI contract, end to end against a real node: keyring, tx bank send, queries.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestNode, type TestNode } from "./support/node-process.js";

const bin = path.resolve(import.meta.dirname, "../bin/precisiond.js");
const exec = promisify(execFile);
let node: TestNode;
let wallet: DirectSecp256k1HdWallet;
let funded: string;
let recipient: string;
const dir = mkdtempSync(path.join(tmpdir(), "keyring-"));
const keyringDir = path.join(dir, "keys");
const passFile = path.join(dir, "pass");

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec("node", [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  wallet = await DirectSecp256k1HdWallet.generate(24, { prefix: "prec" });
  funded = (await wallet.getAccounts())[0]!.address;
  recipient = (
    await (await DirectSecp256k1HdWallet.generate(12, { prefix: "prec" })).getAccounts()
  )[0]!.address;
  writeFileSync(passFile, "correct horse battery staple\n");
  writeFileSync(path.join(dir, "mnemonic"), wallet.mnemonic);
  node = await createTestNode([{ address: funded, coins: "1000000000uusd" }]);
  await node.start();
});

afterAll(async () => {
  await node?.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe("precisiond CLI", () => {
  it("recovers a key into the encrypted keyring with the same address CosmJS derives", async () => {
    const added = await cli(
      "keys",
      "add",
      "alice",
      "--recover",
      "--mnemonic-file",
      path.join(dir, "mnemonic"),
      "--keyring-dir",
      keyringDir,
      "--keyring-passphrase-file",
      passFile,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout).address).toBe(funded);
    const listed = await cli("keys", "list", "--keyring-dir", keyringDir);
    expect(JSON.parse(listed.stdout).map((k: { name: string }) => k.name)).toEqual(["alice"]);
    const shown = await cli("keys", "show", "alice", "--keyring-dir", keyringDir);
    expect(JSON.parse(shown.stdout).address).toBe(funded);
    const again = await cli(
      "keys",
      "add",
      "alice",
      "--keyring-dir",
      keyringDir,
      "--keyring-passphrase-file",
      passFile,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it("sends with gas auto, and the balance and tx queries see it", async () => {
    const sent = await cli(
      "tx",
      "bank",
      "send",
      "alice",
      recipient,
      "4321uusd",
      "--chain-id",
      "precision-local-1",
      "--node",
      node.rpcUrl,
      "--gas",
      "auto",
      "--fees",
      "5000uusd",
      "--keyring-dir",
      keyringDir,
      "--keyring-passphrase-file",
      passFile,
    );
    expect(sent.code, sent.stderr).toBe(0);
    const { txhash } = JSON.parse(sent.stdout) as { txhash: string };
    let tx = await cli("query", "tx", txhash, "--node", node.rpcUrl);
    for (let i = 0; i < 30 && tx.code !== 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      tx = await cli("query", "tx", txhash, "--node", node.rpcUrl);
    }
    expect(tx.code, tx.stderr).toBe(0);
    expect(JSON.parse(tx.stdout)).toMatchObject({
      code: 0,
      messages: ["/cosmos.bank.v1beta1.MsgSend"],
    });
    const balances = await cli("query", "bank", "balances", recipient, "--node", node.rpcUrl);
    expect(JSON.parse(balances.stdout)).toEqual({ balances: [{ denom: "uusd", amount: "4321" }] });
  });

  it("refuses a wrong passphrase, bad flags and bad arguments with clear messages", async () => {
    writeFileSync(path.join(dir, "wrong"), "not the passphrase");
    const wrong = await cli(
      "tx",
      "bank",
      "send",
      "alice",
      recipient,
      "1uusd",
      "--chain-id",
      "precision-local-1",
      "--node",
      node.rpcUrl,
      "--keyring-dir",
      keyringDir,
      "--keyring-passphrase-file",
      path.join(dir, "wrong"),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/wrong passphrase/);
    const flag = await cli("start", "--home", node.home, "--block-time", "fast");
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--block-time must be a duration/);
    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(2);
    const coins = await cli("genesis", "add-account", "--home", node.home, funded, "lots");
    expect(coins.code).toBe(2);
    expect(coins.stderr).toMatch(/invalid coins/);
    const address = await cli(
      "query",
      "bank",
      "balances",
      "prec1notanaddress",
      "--node",
      node.rpcUrl,
    );
    expect(address.code).toBe(2);
  });
});
