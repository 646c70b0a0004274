// Mutation fuzzing of the tx pipeline: thousands of damaged txs through CheckTx and FinalizeBlock.
// Whatever the damage, each must get a clear error code (never an internal error, never a throw),
// change no state unless it is a valid tx, and execute identically on two nodes.
import type { ExecTxResult, ResponseCheckTx } from "cosmjs-types/tendermint/abci/types";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { precisionRegistryTypes } from "@precision/proto";
import { afterEach, describe, expect, it } from "vitest";
import { seededRandom } from "../runtime/testing/seeded-random.js";
import { VerificationCache } from "../runtime/crypto/verification-cache.js";
import { ErrInternal } from "../runtime/errors/registry.js";
import { buildGenesis } from "./genesis.js";
import { TEST_CHAIN_ID, TestChain, msgSend } from "./testing/test-chain.js";
import { buildSignedTx, signDirect, testKey } from "./testing/tx-builder.js";
import { wireApp } from "./wiring.js";

const alice = testKey("alice");
const bob = testKey("bob");
const chains: TestChain[] = [];

afterEach(async () => {
  while (chains.length > 0) await chains.pop()!.stop();
});

async function startChain(): Promise<TestChain> {
  const coins = [{ denom: "uusd", amount: "1000000000" }];
  const genesis = buildGenesis({ chainId: TEST_CHAIN_ID, accounts: [{ address: alice.address, coins }, { address: bob.address, coins }] });
  const chain = await TestChain.start(genesis);
  chains.push(chain);
  await chain.block([]);
  return chain;
}

const original = buildSignedTx({
  signer: alice,
  messages: [msgSend(alice.address, bob.address, 1n)],
  chainId: TEST_CHAIN_ID,
  accountNumber: 0n,
  sequence: 0n,
  fee: { amount: [{ denom: "uusd", amount: "5000" }], gasLimit: 200_000n },
  memo: "fuzz",
});

/** One random damage: a bit flip, a byte overwritten (often with a varint boundary), a cut, an insertion, a deletion or a duplicated range. */
function mutate(bytes: Uint8Array, random: (n: number) => number): Uint8Array {
  const b = [...bytes];
  const at = random(b.length + 1);
  switch (random(7)) {
    case 0:
      if (b.length > 0) b[at % b.length]! ^= 1 << random(8);
      break;
    case 1:
      if (b.length > 0) b[at % b.length] = random(256);
      break;
    case 2:
      if (b.length > 0) b[at % b.length] = [0x00, 0x01, 0x7f, 0x80, 0xff][random(5)]!;
      break;
    case 3:
      b.length = at;
      break;
    case 4:
      b.splice(at, 0, ...Array.from({ length: 1 + random(8) }, () => random(256)));
      break;
    case 5:
      b.splice(at, 1 + random(16));
      break;
    default: {
      const start = random(b.length + 1);
      b.splice(at, 0, ...b.slice(start, start + 1 + random(32)));
    }
  }
  return Uint8Array.from(b);
}

function describeFailure(tx: Uint8Array, seed: number, res: ResponseCheckTx | ExecTxResult): string {
  return `seed ${seed}, tx ${Buffer.from(tx).toString("hex")}: code ${res.code} (${res.codespace}) ${res.log}`;
}

/** A clear answer: success, or a registered error with a message, never the catch-all internal error. */
function expectClearAnswer(tx: Uint8Array, seed: number, res: ResponseCheckTx | ExecTxResult): void {
  const internal = res.code === ErrInternal.code && res.codespace === ErrInternal.codespace;
  expect(internal, describeFailure(tx, seed, res)).toBe(false);
  if (res.code !== 0) expect(res.log.length, describeFailure(tx, seed, res)).toBeGreaterThan(0);
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

/** Executes `block` on both chains: every result is a clear answer, and the two agree on all of it. */
async function expectSameExecution(block: Uint8Array[], first: TestChain, second: TestChain): Promise<void> {
  const a = await first.block(block);
  const b = await second.block(block);
  a.results.forEach((r, i) => expectClearAnswer(block[i]!, -1, r));
  const summary = (results: ExecTxResult[]) => results.map((r) => [r.code, r.codespace, r.log, r.gasUsed.toString(), Buffer.from(r.data).toString("hex")]);
  expect(summary(b.results)).toEqual(summary(a.results));
  expect(Buffer.from(b.appHash).toString("hex")).toBe(Buffer.from(a.appHash).toString("hex"));
}

describe("damaged txs", () => {
  it("refuses every damaged copy of a signed tx with a clear code and keeps the original's turn", async () => {
    const chain = await startChain();
    const refused: Uint8Array[] = [];
    for (let seed = 1; seed <= 1500; seed++) {
      const random = seededRandom(seed);
      let tx = mutate(original.bytes, random);
      if (random(3) === 0) tx = mutate(tx, random);
      if (sameBytes(tx, original.bytes)) continue;
      const res = await chain.checkTx(tx);
      expectClearAnswer(tx, seed, res);
      expect(res.code, describeFailure(tx, seed, res)).not.toBe(0);
      if (refused.length < 300) refused.push(tx);
    }
    expect((await chain.checkTx(original.bytes)).code).toBe(0);

    // In a block they change nothing: the state after them and the original is the state after the original alone.
    const clean = await startChain();
    const { results, appHash } = await chain.block([...refused, original.bytes]);
    results.slice(0, -1).forEach((r, i) => expectClearAnswer(refused[i]!, -1, r));
    expect(results.slice(0, -1).filter((r) => r.code === 0)).toEqual([]);
    expect(results.at(-1)!.code).toBe(0);
    expect(Buffer.from(appHash).toString("hex")).toBe(Buffer.from((await clean.block([original.bytes])).appHash).toString("hex"));
  });

  it("answers validly signed txs with damaged bodies and fees clearly, and executes them identically on two nodes", async () => {
    const [first, second] = [await startChain(), await startChain()];
    const block: Uint8Array[] = [];
    const answers = new Map<number, number>();
    for (let seed = 1; seed <= 1500; seed++) {
      const random = seededRandom(seed);
      let { bodyBytes, authInfoBytes } = original;
      if (random(2) === 0) bodyBytes = mutate(bodyBytes, random);
      else authInfoBytes = mutate(authInfoBytes, random);
      if (sameBytes(bodyBytes, original.bodyBytes) && sameBytes(authInfoBytes, original.authInfoBytes)) continue;
      const signature = signDirect(alice, bodyBytes, authInfoBytes, TEST_CHAIN_ID, 0n);
      const tx = TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
      const res = await first.app.checkTxDryRun(tx);
      expectClearAnswer(tx, seed, res);
      answers.set(res.code, (answers.get(res.code) ?? 0) + 1);
      if (block.length < 400) block.push(tx);
    }
    // The damage reaches past decoding: signed txs fail in the ante handler and the messages too.
    expect([...answers.keys()].filter((code) => code !== 2).length).toBeGreaterThan(2);

    await expectSameExecution(block, first, second);
  });

  it("answers every routed message, with only its signer set or damaged, with a clear code, identically on two nodes", async () => {
    const router = wireApp({ minGasPrices: [], maxBlockGas: () => -1, verificationCache: new VerificationCache() }).msgRouter;
    const types = new Map<string, { encode(m: unknown): { finish(): Uint8Array }; fromPartial(m: unknown): unknown }>([
      ["/cosmos.bank.v1beta1.MsgSend", MsgSend],
      ...precisionRegistryTypes.filter(([url]) => router.route(url) !== undefined),
    ]);
    expect([...types.keys()].sort()).toEqual(router.typeUrls());
    const [first, second] = [await startChain(), await startChain()];
    const block: Uint8Array[] = [];
    let sequence = 0n;
    for (const [typeUrl, type] of types) {
      const signerProperty = router.route(typeUrl)!.signerField.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
      const signerOnly = type.encode(type.fromPartial({ [signerProperty]: alice.address })).finish();
      for (let seed = 0; seed <= 200; seed++) {
        const random = seededRandom(seed);
        const value = seed === 0 ? signerOnly : mutate(signerOnly, random);
        // Dry runs leave the sequence alone; a tx they accept joins the block with the next one.
        const signed = (s: bigint) => buildSignedTx({ signer: alice, messages: [{ typeUrl, value }], chainId: TEST_CHAIN_ID, accountNumber: 0n, sequence: s, fee: { amount: [{ denom: "uusd", amount: "5000" }], gasLimit: 400_000n } }).bytes;
        const tx = signed(0n);
        const res = await first.app.checkTxDryRun(tx);
        expectClearAnswer(tx, seed, res);
        if (res.code === 0) block.push(signed(sequence++));
      }
    }
    await expectSameExecution(block, first, second);
  });
});
