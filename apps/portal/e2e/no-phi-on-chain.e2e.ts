// No PHI in plaintext on chain: the node's data folder, its block store and its genesis hold none of
// the seeded patients' names, emails, birth dates or record numbers — while the same scan does find
// what is meant to be there (organisation names, account addresses), so it is not blind.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PATIENTS } from "@precision/db/seed";
import { createPrismaClient } from "@precision/db";
import { chainRpcUrl } from "./chain.ts";
import { e2eEnv } from "./env.ts";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

async function rpc<T>(method: string, params: Record<string, string> = {}): Promise<T> {
  const res = await fetch(chainRpcUrl(), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  return ((await res.json()) as { result: T }).result;
}

test("the chain's data folder, block store and genesis hold no patient's name or identifier", async () => {
  test.setTimeout(120_000);
  const { chainHome } = JSON.parse(readFileSync(e2eEnv().stateFile, "utf8")) as { chainHome: string };
  const prisma = createPrismaClient(e2eEnv().databaseUrl);
  const addresses = await prisma.user.findMany({ where: { email: { in: DEMO_PATIENTS.map((p) => p.email) } }, select: { chainAddress: true } }).finally(() => prisma.$disconnect());

  const needles = DEMO_PATIENTS.flatMap((p) => [p.name, p.email, p.birthDate, `MSF-${100_000 + p.index}`, ...p.name.split(" ").filter((part) => part.length >= 6)]);
  const haystacks: { where: string; bytes: Buffer }[] = files(chainHome).map((f) => ({ where: path.relative(chainHome, f), bytes: readFileSync(f) }));
  const { genesis } = await rpc<{ genesis: unknown }>("genesis");
  haystacks.push({ where: "genesis (RPC)", bytes: Buffer.from(JSON.stringify(genesis)) });
  const tip = Number((await rpc<{ sync_info: { latest_block_height: string } }>("status")).sync_info.latest_block_height);
  const txs: Buffer[] = [];
  for (let h = 1; h <= tip; h++) {
    const { block } = await rpc<{ block: { data: { txs: string[] | null } } }>("block", { height: String(h) });
    for (const tx of block.data.txs ?? []) txs.push(Buffer.from(tx, "base64"));
  }
  haystacks.push({ where: `block store (${tip} blocks, ${txs.length} txs)`, bytes: Buffer.concat(txs) });

  const found = needles.flatMap((needle) => haystacks.filter((h) => h.bytes.includes(Buffer.from(needle))).map((h) => `${needle} in ${h.where}`));
  expect(found).toEqual([]);

  // The scan sees plaintext that belongs on chain: organisation names and patients' pseudonymous accounts.
  expect(haystacks.some((h) => h.bytes.includes(Buffer.from("Riverbend General Hospital")))).toBe(true);
  expect(haystacks.some((h) => h.bytes.includes(Buffer.from(addresses[0]!.chainAddress!)))).toBe(true);
  expect(txs.length).toBeGreaterThan(0);
});
