// Acts as a patient's browser would: the demo patient's key (sealed on their row by the start
// command's demo setup) signs grants, revocations and their own records through CosmJS.
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { accountKeyFromMnemonic, connectPrecisionClient, createRegistry, openSecret, signVaultRequest, type AccountKey, type PrecisionQueryClient } from "@precision/client";
import { createPrismaClient } from "@precision/db";
import { PATIENT_DEMO_KEY_PURPOSE } from "../../../scripts/lib/demo-chain.mjs";
import { chainRpcUrl, vaultUrl } from "./chain.ts";
import { e2eEnv } from "./env.ts";

export interface PatientActor {
  readonly key: AccountKey;
  readonly client: SigningStargateClient;
  readonly query: PrecisionQueryClient;
  disconnect(): void;
  uploadToVault(bytes: Uint8Array, sha256: string): Promise<number>;
}

export async function patientActor(email: string): Promise<PatientActor> {
  const { databaseUrl, keySecret } = e2eEnv();
  const prisma = createPrismaClient(databaseUrl);
  let sealed: { id: string; encryptedKey: string | null } | null;
  try {
    sealed = await prisma.user.findUnique({ where: { email }, select: { id: true, encryptedKey: true } });
  } finally {
    await prisma.$disconnect();
  }
  if (!sealed?.encryptedKey) throw new Error(`${email} has no demo key`);
  const mnemonic = await openSecret(sealed.encryptedKey, keySecret, { purpose: PATIENT_DEMO_KEY_PURPOSE, owner: sealed.id });
  const key = await accountKeyFromMnemonic(mnemonic);
  const wallet = await DirectSecp256k1Wallet.fromKey(key.privateKey, "prec");
  const client = await SigningStargateClient.connectWithSigner(chainRpcUrl(), wallet, { registry: createRegistry(), gasPrice: GasPrice.fromString("0.025uusd"), broadcastPollIntervalMs: 200 });
  const connection = await connectPrecisionClient(chainRpcUrl());
  return {
    key,
    client,
    query: connection.query,
    disconnect: () => {
      client.disconnect();
      connection.disconnect();
    },
    async uploadToVault(bytes, sha256) {
      const path = `/v1/objects/${sha256}`;
      const res = await fetch(`${vaultUrl()}${path}`, { method: "PUT", body: Buffer.from(bytes), headers: { authorization: signVaultRequest({ method: "PUT", path, bodySha256: sha256 }, key.privateKey) } });
      return res.status;
    },
  };
}

/** A staff member's custodial key, as the portal holds it (for test set-up the UI does not offer). */
export async function staffActor(email: string): Promise<{ key: AccountKey; client: SigningStargateClient; disconnect(): void }> {
  const { databaseUrl, keySecret } = e2eEnv();
  const prisma = createPrismaClient(databaseUrl);
  let sealed: { id: string; encryptedKey: string | null } | null;
  try {
    sealed = await prisma.user.findUnique({ where: { email }, select: { id: true, encryptedKey: true } });
  } finally {
    await prisma.$disconnect();
  }
  if (!sealed?.encryptedKey) throw new Error(`${email} has no staff key`);
  const key = await accountKeyFromMnemonic(await openSecret(sealed.encryptedKey, keySecret, { purpose: "staff-signing-key", owner: sealed.id }));
  const client = await SigningStargateClient.connectWithSigner(chainRpcUrl(), await DirectSecp256k1Wallet.fromKey(key.privateKey, "prec"), { registry: createRegistry(), gasPrice: GasPrice.fromString("0.025uusd"), broadcastPollIntervalMs: 200 });
  return { key, client, disconnect: () => client.disconnect() };
}
