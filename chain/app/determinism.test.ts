import { MsgAddMember, MsgRegisterOrganization, OrganizationType, Role } from "@precision/proto";
import { afterEach, describe, expect, it } from "vitest";
import { buildGenesis } from "./genesis.js";
import { TEST_CHAIN_ID, TestChain, msgSend } from "./testing/test-chain.js";
import { buildSignedTx, testKey, type TestKey } from "./testing/tx-builder.js";

/** xorshift32: a seeded sequence, so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

const chains: TestChain[] = [];
afterEach(async () => {
  while (chains.length > 0) await chains.pop()!.stop();
});

describe("determinism", () => {
  it("gives identical results and app hashes on two fresh apps, whether or not CheckTx warmed one's caches", async () => {
    const seed = 20_261_123;
    const next = rng(seed);
    const keys: TestKey[] = Array.from({ length: 8 }, (_, i) => testKey(`det-${i}`));
    const authority = keys[0]!;
    const strangers = Array.from({ length: 3 }, (_, i) => testKey(`det-new-${i}`));
    const genesis = buildGenesis({
      chainId: TEST_CHAIN_ID,
      authority: authority.address,
      accounts: keys.map((k, i) => ({ address: k.address, coins: [{ denom: "uusd", amount: String(50_000 + i * 7_919) }] })),
    });
    const a = await TestChain.start(genesis);
    const b = await TestChain.start(genesis);
    chains.push(a, b);

    const sequences = keys.map(() => 0n);
    const blocks: Uint8Array[][] = [];
    let orgs = 0;
    for (let h = 0; h < 12; h++) {
      const txs: Uint8Array[] = [];
      const count = 1 + Math.floor(next() * 10);
      for (let t = 0; t < count; t++) {
        const i = Math.floor(next() * keys.length);
        const from = keys[i]!;
        const roll = next();
        let messages;
        if (roll < 0.1 && i === 0) {
          orgs++;
          messages = [
            {
              typeUrl: "/precision.identity.v1.MsgRegisterOrganization",
              value: MsgRegisterOrganization.encode(
                MsgRegisterOrganization.fromPartial({ authority: from.address, id: `org-${orgs}`, name: `Org ${orgs}`, type: OrganizationType.ORGANIZATION_TYPE_PROVIDER }),
              ).finish(),
            },
            {
              typeUrl: "/precision.identity.v1.MsgAddMember",
              value: MsgAddMember.encode(
                MsgAddMember.fromPartial({ authority: from.address, organizationId: `org-${orgs}`, address: keys[1]!.address, roles: [Role.ROLE_CLINICIAN] }),
              ).finish(),
            },
          ];
        } else if (roll < 0.2) {
          // Not the authority (unless i is 0): fails in the message, still pays its fee.
          messages = [
            {
              typeUrl: "/precision.identity.v1.MsgRegisterOrganization",
              value: MsgRegisterOrganization.encode(
                MsgRegisterOrganization.fromPartial({ authority: from.address, id: `try-${h}-${t}`, name: "x", type: OrganizationType.ORGANIZATION_TYPE_LAB }),
              ).finish(),
            },
          ];
        } else {
          const toKey = next() < 0.2 ? strangers[Math.floor(next() * strangers.length)]! : keys[Math.floor(next() * keys.length)]!;
          // Sometimes more than the balance: a message failure after the ante writes.
          const amount = BigInt(1 + Math.floor(next() * (next() < 0.1 ? 200_000 : 3_000)));
          messages = [msgSend(from.address, toKey.address, amount)];
        }
        const wrongSequence = next() < 0.05;
        const tx = buildSignedTx({
          signer: from,
          messages,
          chainId: TEST_CHAIN_ID,
          accountNumber: BigInt(i),
          sequence: wrongSequence ? sequences[i]! + 5n : sequences[i]!,
          fee: { amount: [{ denom: "uusd", amount: String(100 + Math.floor(next() * 400)) }], gasLimit: BigInt(80_000 + Math.floor(next() * 200_000)) },
          memo: next() < 0.3 ? `memo ${h}/${t}` : "",
        });
        txs.push(next() < 0.03 ? tx.bytes.subarray(0, 7) : tx.bytes);
        if (!wrongSequence) sequences[i] = sequences[i]! + 1n;
      }
      blocks.push(txs);
    }

    const codes = new Set<number>();
    for (const txs of blocks) {
      for (const tx of txs) await a.checkTx(tx);
      const ra = await a.block(txs);
      const rb = await b.block(txs);
      expect(Buffer.from(ra.appHash).toString("hex")).toBe(Buffer.from(rb.appHash).toString("hex"));
      expect(ra.results.map((r) => [r.code, r.gasUsed, r.log])).toEqual(rb.results.map((r) => [r.code, r.gasUsed, r.log]));
      expect(ra.results).toEqual(rb.results);
      for (const r of ra.results) codes.add(r.code);
    }
    // The run exercised successes and several kinds of failure, not just one path.
    expect(codes.has(0)).toBe(true);
    expect(codes.size).toBeGreaterThanOrEqual(3);
  });

  it("re-imports an exported genesis to the same app hash", async () => {
    const k = [testKey("exp-0"), testKey("exp-1")];
    const genesis = buildGenesis({
      chainId: TEST_CHAIN_ID,
      authority: k[0]!.address,
      accounts: k.map((key) => ({ address: key.address, coins: [{ denom: "uusd", amount: "90000" }] })),
    });
    const a = await TestChain.start(genesis);
    chains.push(a);
    const send = buildSignedTx({ signer: k[0]!, messages: [msgSend(k[0]!.address, testKey("exp-new").address, 777n)], chainId: TEST_CHAIN_ID, accountNumber: 0n, sequence: 0n, fee: { amount: [{ denom: "uusd", amount: "300" }], gasLimit: 200_000n } });
    const { appHash } = await a.block([send.bytes]);
    const exported = a.app.exportAppState();
    expect(exported.height).toBe(1);
    const b = await TestChain.start({ ...genesis, app_state: exported.appState as typeof genesis.app_state });
    chains.push(b);
    expect(Buffer.from(b.store.workingHash()).toString("hex")).toBe(Buffer.from(appHash).toString("hex"));
  });
});
