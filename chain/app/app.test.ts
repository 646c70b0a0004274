import { fileURLToPath } from "node:url";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { QueryAccountRequest, QueryAccountResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { QueryAllBalancesRequest, QueryAllBalancesResponse, QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { afterEach, describe, expect, it } from "vitest";
import { encodeSecp256k1PubKey } from "../runtime/ante/sign-doc.js";
import { WorkerPoolSignatureVerifier } from "../runtime/crypto/signature-verifier.js";
import { lengthDelimitedField } from "../runtime/testing/wire.js";
import { accountKey } from "../modules/auth/types/keys.js";
import { parseAddress } from "../runtime/address/bech32-address.js";
import { buildGenesis } from "./genesis.js";
import { TEST_CHAIN_ID, TestChain, msgSend } from "./testing/test-chain.js";
import { buildSignedTx, testKey, type TestKey } from "./testing/tx-builder.js";

const alice = testKey("alice");
const bob = testKey("bob");
const carol = testKey("carol");
const fee = { amount: [{ denom: "uusd", amount: "5000" }], gasLimit: 200_000n };

const chains: TestChain[] = [];

function addressBytes(address: string): Uint8Array {
  const parsed = parseAddress(address);
  if (!parsed.ok) throw parsed.error;
  return parsed.bytes;
}
afterEach(async () => {
  while (chains.length > 0) await chains.pop()!.stop();
});

async function startChain(options: Parameters<typeof TestChain.start>[1] = {}, funds = 1_000_000n): Promise<TestChain> {
  const genesis = buildGenesis({
    chainId: TEST_CHAIN_ID,
    accounts: [
      { address: alice.address, coins: [{ denom: "uusd", amount: funds.toString() }] },
      { address: bob.address, coins: [{ denom: "uusd", amount: "1000" }] },
    ],
  });
  const chain = await TestChain.start(genesis, options);
  chains.push(chain);
  await chain.block([]);
  return chain;
}

function send(from: TestKey, to: TestKey, amount: bigint, sequence: bigint, extra: Partial<Parameters<typeof buildSignedTx>[0]> = {}) {
  return buildSignedTx({
    signer: from,
    messages: [msgSend(from.address, to.address, amount)],
    chainId: TEST_CHAIN_ID,
    accountNumber: from === alice ? 0n : 1n,
    sequence,
    fee,
    ...extra,
  });
}

async function balance(chain: TestChain, who: TestKey): Promise<string> {
  const res = await chain.query("/cosmos.bank.v1beta1.Query/Balance", QueryBalanceRequest.encode({ address: who.address, denom: "uusd" }).finish());
  expect(res.code).toBe(0);
  return QueryBalanceResponse.decode(res.value).balance!.amount;
}

/** FinalizeBlock of height 2 alone, leaving Commit to the test. */
async function finalizeWithoutCommit(chain: TestChain, txs: Uint8Array[]): Promise<void> {
  await chain.app.finalizeBlock({
    txs,
    decidedLastCommit: { round: 0, votes: [] },
    misbehavior: [],
    hash: new Uint8Array(32),
    height: 2n,
    time: { seconds: 1_700_000_002n, nanos: 0 },
    nextValidatorsHash: new Uint8Array(),
    proposerAddress: new Uint8Array(20),
  });
}

async function account(chain: TestChain, who: TestKey): Promise<BaseAccount> {
  const res = await chain.query("/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest.encode({ address: who.address }).finish());
  expect(res.code).toBe(0);
  return BaseAccount.decode(QueryAccountResponse.decode(res.value).account!.value);
}

describe("PrecisionApp: bank send through the full tx pipeline", () => {
  it("executes a signed send, returns TxMsgData msgResponses and SDK events, and creates the recipient", async () => {
    const chain = await startChain();
    const { results } = await chain.block([send(alice, carol, 1234n, 0n).bytes]);
    const r = results[0]!;
    expect(r.code).toBe(0);
    expect(r.gasUsed).toBeGreaterThan(0n);
    expect(r.gasWanted).toBe(200_000n);
    const data = TxMsgData.decode(r.data);
    expect(data.msgResponses.map((m) => m.typeUrl)).toEqual(["/cosmos.bank.v1beta1.MsgSendResponse"]);
    const types = r.events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["tx", "message", "coin_spent", "coin_received", "transfer"]));
    const transfer = r.events.find((e) => e.type === "transfer" && e.attributes.some((a) => a.value === carol.address))!;
    expect(transfer.attributes.map((a) => [a.key, a.value])).toEqual([
      ["recipient", carol.address],
      ["sender", alice.address],
      ["amount", "1234uusd"],
      ["msg_index", "0"],
    ]);
    const message = r.events.find((e) => e.type === "message" && e.attributes.some((a) => a.key === "action"))!;
    expect(message.attributes.slice(0, 3).map((a) => a.value)).toEqual(["/cosmos.bank.v1beta1.MsgSend", alice.address, "bank"]);
    expect(r.events.every((e) => e.attributes.every((a) => a.index))).toBe(true);
    const txEvents = r.events.filter((e) => e.type === "tx").flatMap((e) => e.attributes.map((a) => a.key));
    expect(txEvents).toEqual(["fee", "fee_payer", "acc_seq", "signature"]);

    expect(await balance(chain, carol)).toBe("1234");
    expect(await balance(chain, alice)).toBe(String(1_000_000 - 1234 - 5000));
    const a = await account(chain, alice);
    expect(a.sequence).toBe(1n);
    expect(a.pubKey?.typeUrl).toBe("/cosmos.crypto.secp256k1.PubKey");
    const c = await account(chain, carol);
    expect(c.accountNumber).toBe(2n);
    expect(c.pubKey).toBeUndefined();
  });

  it("answers an unknown account with the NotFound phrasing CosmJS looks for", async () => {
    const chain = await startChain();
    const res = await chain.query("/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest.encode({ address: carol.address }).finish());
    expect(res.code).toBe(22);
    expect(res.codespace).toBe("sdk");
    expect(res.log).toBe(`rpc error: code = NotFound desc = account ${carol.address} not found: key not found`);
  });

  it("returns a zero coin for an empty balance and pages AllBalances", async () => {
    const chain = await startChain();
    expect(await balance(chain, carol)).toBe("0");
    const res = await chain.query("/cosmos.bank.v1beta1.Query/AllBalances", QueryAllBalancesRequest.encode(QueryAllBalancesRequest.fromPartial({ address: alice.address })).finish());
    expect(QueryAllBalancesResponse.decode(res.value).balances).toEqual([{ denom: "uusd", amount: "1000000" }]);
    expect(res.height).toBe(1n);
  });

  it("rejects a wrong sequence with code 32 and the SDK's log", async () => {
    const chain = await startChain();
    const res = await chain.checkTx(send(alice, bob, 1n, 3n).bytes);
    expect(res.code).toBe(32);
    expect(res.codespace).toBe("sdk");
    expect(res.log).toBe("account sequence mismatch, expected 0, got 3: incorrect account sequence");
  });

  it("rejects a tampered signature, a high-S signature and a signature for another chain with code 4", async () => {
    const chain = await startChain();
    const tampered = send(alice, bob, 1n, 0n, { mapSignature: (s) => Uint8Array.from(s, (b, i) => (i === 10 ? b ^ 1 : b)) });
    const highS = send(alice, bob, 1n, 0n, {
      mapSignature: (s) => {
        const sig = secp256k1.Signature.fromBytes(s, "compact");
        const flipped = new secp256k1.Signature(sig.r, secp256k1.Point.CURVE().n - sig.s);
        return flipped.toBytes("compact");
      },
    });
    const otherChain = send(alice, bob, 1n, 0n, { chainId: "another-chain" });
    for (const tx of [tampered, highS, otherChain]) {
      const res = await chain.checkTx(tx.bytes);
      expect(res.code).toBe(4);
      expect(res.log).toBe(
        `signature verification failed; please verify account number (0) and chain-id (${TEST_CHAIN_ID}): (unable to verify single signer signature): unauthorized`,
      );
    }
    const { results } = await chain.block([tampered.bytes, highS.bytes, otherChain.bytes]);
    expect(results.map((r) => r.code)).toEqual([4, 4, 4]);
    expect((await account(chain, alice)).sequence).toBe(0n);
  });

  it("verifies CheckTx signatures on worker threads with the same outcomes", async () => {
    const verifier = new WorkerPoolSignatureVerifier({ threads: 2 });
    try {
      const chain = await startChain({ verifier });
      const txs = [0n, 1n, 2n].map((seq) => send(alice, bob, 3n, seq));
      const forged = send(alice, bob, 3n, 3n, { mapSignature: (s) => Uint8Array.from(s, (b, i) => (i === 40 ? b ^ 4 : b)) });
      const answers = await Promise.all([...txs, forged].map((t) => chain.checkTx(t.bytes)));
      // Concurrent CheckTx calls apply in arrival order, whichever verification finishes first.
      expect(answers.map((a) => a.code)).toEqual([0, 0, 0, 4]);
      const { results } = await chain.block(txs.map((t) => t.bytes));
      expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    } finally {
      await verifier.close();
    }
  });

  it("answers CheckTx of a prepared tx exactly as an unprepared one, sharing its verification", async () => {
    const verifier = new WorkerPoolSignatureVerifier({ threads: 1 });
    try {
      const chain = await startChain({ verifier });
      const good = send(alice, bob, 3n, 0n);
      const forged = send(alice, bob, 3n, 1n, { mapSignature: (s) => Uint8Array.from(s, (b, i) => (i === 40 ? b ^ 4 : b)) });
      const garbage = Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0x01]);
      for (const tx of [good.bytes, forged.bytes, garbage]) chain.app.prepareCheckTx(tx);
      chain.app.prepareCheckTx(good.bytes); // prepared twice: still one answer
      const answers = await Promise.all([good.bytes, forged.bytes, garbage].map((t) => chain.checkTx(t)));
      expect(answers.map((a) => [a.code, a.codespace])).toEqual([[0, ""], [4, "sdk"], [2, "sdk"]]);
    } finally {
      await verifier.close();
    }
  });

  it("rejects garbage bytes with code 2 and unknown envelope fields too", async () => {
    const chain = await startChain();
    const garbage = await chain.checkTx(Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0x01]));
    expect(garbage.code).toBe(2);
    expect(garbage.codespace).toBe("sdk");
    const good = TxRaw.decode(send(alice, bob, 1n, 0n).bytes);
    const withUnknown = new Uint8Array([...TxRaw.encode(good).finish(), 0x20, 0x01]); // field 4 varint
    expect((await chain.checkTx(withUnknown)).code).toBe(2);
    const { results } = await chain.block([Uint8Array.from([1, 2, 3])]);
    expect(results[0]!.code).toBe(2);
  });

  it("refuses a re-encoded copy of a signed tx, which would commit under another hash (ADR-027), and keeps the original's turn", async () => {
    const chain = await startChain();
    const original = send(alice, bob, 1n, 0n).bytes;
    const raw = TxRaw.decode(original);
    const bytesField = lengthDelimitedField;
    const copies = [
      [...bytesField(3, raw.signatures[0]!), ...bytesField(1, raw.bodyBytes), ...bytesField(2, raw.authInfoBytes)],
      [...bytesField(1, raw.bodyBytes, 1), ...bytesField(2, raw.authInfoBytes), ...bytesField(3, raw.signatures[0]!)],
      [...bytesField(1, raw.bodyBytes), ...bytesField(1, raw.bodyBytes), ...bytesField(2, raw.authInfoBytes), ...bytesField(3, raw.signatures[0]!)],
    ].map((b) => Uint8Array.from(b));
    for (const copy of copies) {
      const res = await chain.checkTx(copy);
      expect([res.code, res.codespace]).toEqual([2, "sdk"]);
      expect(res.log).toMatch(/ADR-027/);
    }
    expect((await chain.checkTx(original)).code).toBe(0);
    const { results } = await chain.block([copies[0]!, original]);
    expect(results.map((r) => r.code)).toEqual([2, 0]);
  });

  it("requires fee >= ceil(min gas price × gas) in CheckTx only (code 13)", async () => {
    const chain = await startChain({ minGasPrices: "0.025uusd" });
    const low = send(alice, bob, 1n, 0n, { fee: { amount: [{ denom: "uusd", amount: "4999" }], gasLimit: 200_000n } });
    const res = await chain.checkTx(low.bytes);
    expect(res.code).toBe(13);
    expect(res.log).toBe("insufficient fees; got: 4999uusd required: 5000uusd: insufficient fee");
    expect((await chain.checkTx(send(alice, bob, 1n, 0n).bytes)).code).toBe(0);
    // A proposer's block is not held to this node's minimum.
    const { results } = await chain.block([low.bytes]);
    expect(results[0]!.code).toBe(0);
  });

  it("charges the fee and bumps the sequence when the message fails for insufficient funds (code 5)", async () => {
    const chain = await startChain();
    const tooMuch = send(bob, carol, 10_000n, 0n, { fee: { amount: [{ denom: "uusd", amount: "100" }], gasLimit: 200_000n } });
    const { results } = await chain.block([tooMuch.bytes]);
    expect(results[0]!.code).toBe(5);
    expect(results[0]!.log).toBe("failed to execute message; message index: 0: spendable balance 900uusd is smaller than 10000uusd: insufficient funds");
    expect(results[0]!.data.length).toBe(0);
    expect(results[0]!.events.some((e) => e.type === "tx")).toBe(true);
    expect(await balance(chain, bob)).toBe("900");
    expect((await account(chain, bob)).sequence).toBe(1n);
    const next = send(bob, carol, 10n, 1n, { fee: { amount: [{ denom: "uusd", amount: "100" }], gasLimit: 200_000n } });
    const second = await chain.block([next.bytes]);
    expect(second.results[0]!.code).toBe(0);
    expect(await balance(chain, carol)).toBe("10");
  });

  it("fails the fee deduction itself with code 5 when the payer cannot cover the fee", async () => {
    const chain = await startChain();
    const res = await chain.checkTx(send(bob, carol, 1n, 0n, { fee: { amount: [{ denom: "uusd", amount: "5000" }], gasLimit: 200_000n } }).bytes);
    expect(res.code).toBe(5);
    expect(res.log).toBe("spendable balance 1000uusd is smaller than 5000uusd: insufficient funds: insufficient funds");
  });

  it("runs out of gas with code 11 and keeps the ante writes", async () => {
    const measure = await startChain();
    const probe = send(alice, carol, 1n, 0n, { fee: { amount: [{ denom: "uusd", amount: "10" }], gasLimit: 100_000n } });
    const needed = (await measure.block([probe.bytes])).results[0]!.gasUsed;
    // One gas short: the ante handler fits (it runs first and is cheaper), the send does not.
    const chain = await startChain();
    const tx = send(alice, carol, 1n, 0n, { fee: { amount: [{ denom: "uusd", amount: "10" }], gasLimit: needed - 1n } });
    const { results } = await chain.block([tx.bytes]);
    expect(results[0]!.code).toBe(11);
    expect(results[0]!.codespace).toBe("sdk");
    expect(results[0]!.log).toMatch(new RegExp(`^out of gas in location: \\w+; gasWanted: ${needed - 1n}, gasUsed: \\d+: out of gas$`));
    expect((await account(chain, alice)).sequence).toBe(1n);
    expect(await balance(chain, carol)).toBe("0");
  });

  it("rejects zero gas (code 41) and an unknown signer account (code 9)", async () => {
    const chain = await startChain();
    expect((await chain.checkTx(send(alice, bob, 1n, 0n, { fee: { amount: [], gasLimit: 0n } }).bytes)).code).toBe(41);
    const fromCarol = buildSignedTx({ signer: carol, messages: [msgSend(carol.address, bob.address, 1n)], chainId: TEST_CHAIN_ID, accountNumber: 0n, sequence: 0n, fee });
    const res = await chain.checkTx(fromCarol.bytes);
    expect(res.code).toBe(9);
  });

  it("accepts several txs from one account in one block through CheckTx", async () => {
    const chain = await startChain();
    const txs = [0n, 1n, 2n, 3n].map((seq) => send(alice, bob, 10n, seq).bytes);
    for (const tx of txs) expect((await chain.checkTx(tx)).code).toBe(0);
    expect((await chain.checkTx(send(alice, bob, 10n, 1n).bytes)).code).toBe(32);
    const { results } = await chain.block(txs);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(await balance(chain, bob)).toBe("1040");
    // After Commit, CheckTx state restarts from the committed sequence.
    expect((await chain.checkTx(send(alice, bob, 10n, 4n).bytes)).code).toBe(0);
    const recheck = await chain.app.checkTx({ tx: txs[0]!, type: 1 });
    expect(recheck.code).toBe(32);
  });

  it("simulates a CosmJS-shaped unsigned tx and still checks the sequence", async () => {
    const chain = await startChain();
    const simTx = (sequence: bigint) =>
      TxRaw.encode({
        bodyBytes: TxBody.encode(TxBody.fromPartial({ messages: [msgSend(alice.address, carol.address, 7n)], memo: "" })).finish(),
        authInfoBytes: AuthInfo.encode(
          AuthInfo.fromPartial({
            signerInfos: [{ publicKey: encodeSecp256k1PubKey(alice.publicKey), modeInfo: { single: { mode: SignMode.SIGN_MODE_UNSPECIFIED } }, sequence }],
            fee: {},
          }),
        ).finish(),
        signatures: [new Uint8Array()],
      }).finish();
    const res = await chain.query("/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest.encode({ txBytes: simTx(0n) }).finish());
    expect(res.code).toBe(0);
    const sim = SimulateResponse.decode(res.value);
    expect(sim.gasInfo!.gasUsed).toBeGreaterThan(0n);
    expect(sim.result!.msgResponses.map((m) => m.typeUrl)).toEqual(["/cosmos.bank.v1beta1.MsgSendResponse"]);
    expect(await balance(chain, carol)).toBe("0");
    const wrong = await chain.query("/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest.encode({ txBytes: simTx(5n) }).finish());
    expect(wrong.code).toBe(32);
    // The real signed tx then fits in the simulated gas times CosmJS's 1.4 multiplier.
    const gasLimit = BigInt(Math.ceil(Number(sim.gasInfo!.gasUsed) * 1.4));
    const { results } = await chain.block([send(alice, carol, 7n, 0n, { fee: { amount: [], gasLimit } }).bytes]);
    expect(results[0]!.code).toBe(0);
  });

  it("answers CheckTx and queries while a long block executes, which changes none of its results", async () => {
    // More txs than FinalizeBlock runs between two turns of the event loop.
    const txs = Array.from({ length: 600 }, (_, i) => send(alice, carol, 1n, BigInt(i)).bytes);
    const [alone, interleaved] = [await startChain({}, 10_000_000n), await startChain({}, 10_000_000n)];
    const request = (height: bigint) => ({
      txs,
      decidedLastCommit: { round: 0, votes: [] },
      misbehavior: [],
      hash: new Uint8Array(32),
      height,
      time: { seconds: 1_700_000_002n, nanos: 0 },
      nextValidatorsHash: new Uint8Array(),
      proposerAddress: new Uint8Array(20),
    });
    const expected = await alone.app.finalizeBlock(request(2n));

    const order: string[] = [];
    const block = interleaved.app.finalizeBlock(request(2n)).then((res) => {
      order.push("block");
      return res;
    });
    const check = interleaved.checkTx(send(alice, bob, 1n, 0n).bytes).then((res) => {
      order.push("checkTx");
      return res;
    });
    const query = balance(interleaved, carol).then((amount) => {
      order.push("query");
      return amount;
    });
    const got = await block;
    // Both answered from the committed state before the block finished.
    expect(order.indexOf("block")).toBe(2);
    expect((await check).code).toBe(0);
    expect(await query).toBe("0");
    expect(Buffer.from(got.appHash).toString("hex")).toBe(Buffer.from(expected.appHash).toString("hex"));
    expect(got.txResults.map((r) => r.code)).toEqual(expected.txResults.map((r) => r.code));
    expect(got.txResults.every((r) => r.code === 0)).toBe(true);
  });

  it("isolates queries and CheckTx from a finalized block until Commit", async () => {
    const chain = await startChain();
    await finalizeWithoutCommit(chain, [send(alice, carol, 55n, 0n).bytes]);
    expect(await balance(chain, carol)).toBe("0");
    // A raw store read at the latest height comes from memory, and must not see the block either.
    const aliceAccount = accountKey(addressBytes(alice.address));
    const sequenceAt = async (height: bigint) => BaseAccount.decode((await chain.query("store/auth/key", aliceAccount, height)).value).sequence;
    expect(await sequenceAt(1n)).toBe(0n);
    expect((await chain.checkTx(send(alice, bob, 1n, 0n).bytes)).code).toBe(0);
    await chain.app.commit();
    chain.height = 2;
    expect(await balance(chain, carol)).toBe("55");
    expect([await sequenceAt(1n), await sequenceAt(2n)]).toEqual([0n, 1n]);
    const fromDisk = await chain.store.getAt(Buffer.concat([Buffer.from("auth/"), aliceAccount]), 2);
    expect(BaseAccount.decode(fromDisk!).sequence).toBe(1n);
  });

  it("moves CheckTx to a committed block while its write is in flight, and holds queries until it lands", async () => {
    const chain = await startChain();
    await finalizeWithoutCommit(chain, [send(alice, carol, 55n, 0n).bytes]);
    const { durable } = chain.app.beginCommit();
    const order: string[] = [];
    const query = chain.query("/cosmos.bank.v1beta1.Query/Balance", QueryBalanceRequest.encode({ address: carol.address, denom: "uusd" }).finish()).then((res) => {
      order.push("query");
      return res;
    });
    // The block spent sequence 0, so only sequence 1 passes, without waiting for the disk.
    const [next, spent] = [chain.checkTx(send(alice, bob, 1n, 1n).bytes), chain.checkTx(send(alice, bob, 1n, 0n).bytes)];
    await durable.then(() => order.push("durable"));
    expect([(await next).code, (await spent).code]).toEqual([0, 32]);
    const answer = await query;
    expect(order).toEqual(["durable", "query"]);
    expect(answer.height).toBe(2n);
    expect(QueryBalanceResponse.decode(answer.value).balance!.amount).toBe("55");
    chain.height = 2;
    // A second Commit for the same block is refused.
    await expect(chain.app.commit()).rejects.toThrow(/without a finalized block/);
  });

  it("serves raw store queries with a proof at a past height", async () => {
    const chain = await startChain();
    await chain.block([send(alice, carol, 5n, 0n).bytes]);
    const res = await chain.query("store/auth/key", accountKey(addressBytes(alice.address)), 1n, true);
    expect(res.code).toBe(0);
    expect(res.height).toBe(1n);
    expect(BaseAccount.decode(res.value).sequence).toBe(0n);
    expect(res.proofOps!.ops[0]!.type).toBe("precision:state:v1");
    // The client's verifier, loaded by path as the store's tests do (chain's rootDir excludes it).
    const clientProof = fileURLToPath(new URL("../../packages/client/src/proof/index.ts", import.meta.url));
    const { verifyInclusionProof } = (await import(clientProof)) as {
      verifyInclusionProof(i: { proof: Uint8Array; key: Uint8Array; value: Uint8Array; appHash: Uint8Array }): boolean;
    };
    const root = await chain.store.rootAt(1);
    expect(verifyInclusionProof({ proof: res.proofOps!.ops[0]!.data, appHash: root!, key: res.proofOps!.ops[0]!.key, value: res.value })).toBe(true);
  });
});
