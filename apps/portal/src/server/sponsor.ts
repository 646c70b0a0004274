import "server-only";
import { StargateClient } from "@cosmjs/stargate";
import { env } from "@/env.ts";
import { staffSigner } from "./custody.ts";
import { db } from "./db.ts";
import { broadcastAs } from "./tx-signer.ts";

/** Enough for a few hundred grants and revocations at the network's gas price. */
const SPONSOR_AMOUNT = "5000000";

/** Funds a patient's new account from the consortium administrator's, so it exists on chain. */
export async function sponsorNewAccount(address: string): Promise<void> {
  const client = await StargateClient.connect(env().CHAIN_RPC_URL);
  try {
    if ((await client.getAccount(address)) !== null) return;
  } finally {
    client.disconnect();
  }
  const admin = await db().user.findFirst({ where: { role: "ADMIN", encryptedKey: { not: null } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!admin) throw new Error("no sponsor account");
  const signer = await staffSigner(admin.id);
  const result = await broadcastAs(signer.mnemonic, [{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: signer.key.address, toAddress: address, amount: [{ denom: "uusd", amount: SPONSOR_AMOUNT }] } }], "patient onboarding");
  if (result.code !== 0) throw new Error(`funding failed: ${result.rawLog}`);
}
