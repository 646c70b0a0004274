import { secp256k1 } from "@noble/curves/secp256k1.js";
import { addressFromPubkey, openSecret } from "@precision/client";
import { env } from "@/env.ts";
import { registrationMessage } from "@/lib/key-registration.ts";
import { db } from "@/server/db.ts";
import { patientOrError } from "@/server/patient-api.ts";
import { sponsorNewAccount } from "@/server/sponsor.ts";

export const dynamic = "force-dynamic";

/** scripts/lib/demo-chain.mjs seals demo patients' phrases under this purpose. */
const PATIENT_DEMO_KEY_PURPOSE = "patient-demo-key";

/** The patient's registered account, and whether a demo recovery phrase waits to be handed over. */
export async function GET() {
  const who = await patientOrError();
  if ("response" in who) return who.response;
  const row = await db().user.findUnique({ where: { id: who.profile.id }, select: { chainAddress: true, publicKey: true, encryptedKey: true } });
  return Response.json({ address: row?.chainAddress ?? null, publicKey: row?.publicKey ?? null, demoPhraseWaiting: Boolean(row?.encryptedKey) }, { headers: { "cache-control": "no-store" } });
}

/**
 * `{action: "reveal-demo"}` hands a demo patient their recovery phrase once and forgets it;
 * `{action: "register", publicKey, signature}` registers a key made in the browser (proved by a
 * signature) and funds the new account from the network's sponsor.
 */
export async function POST(request: Request) {
  const who = await patientOrError();
  if ("response" in who) return who.response;
  const body = (await request.json().catch(() => ({}))) as { action?: string; publicKey?: string; signature?: string };
  const user = await db().user.findUnique({ where: { id: who.profile.id }, select: { id: true, chainAddress: true, encryptedKey: true } });
  if (!user) return Response.json({ error: { code: "UNAUTHENTICATED", message: "sign in" } }, { status: 401 });
  if (body.action === "reveal-demo") {
    const secret = env().PRECISION_KEY_ENCRYPTION_SECRET;
    if (!user.encryptedKey || !secret) return Response.json({ error: { code: "NO_DEMO_PHRASE", message: "there is no recovery phrase to hand over" } }, { status: 404 });
    const mnemonic = await openSecret(user.encryptedKey, secret, { purpose: PATIENT_DEMO_KEY_PURPOSE, owner: user.id });
    await db().user.update({ where: { id: user.id }, data: { encryptedKey: null } });
    return Response.json({ mnemonic }, { headers: { "cache-control": "no-store" } });
  }
  if (body.action === "register") {
    let publicKey: Uint8Array;
    let address: string;
    try {
      publicKey = Uint8Array.from(Buffer.from(body.publicKey ?? "", "base64"));
      address = addressFromPubkey(publicKey);
    } catch {
      return Response.json({ error: { code: "BAD_KEY", message: "publicKey must be a 33-byte compressed secp256k1 key" } }, { status: 400 });
    }
    if (user.chainAddress && user.chainAddress !== address) return Response.json({ error: { code: "KEY_EXISTS", message: "you already have a key; restore it from its recovery phrase" } }, { status: 409 });
    const signature = Uint8Array.from(Buffer.from(body.signature ?? "", "base64"));
    const valid = (() => {
      try {
        return signature.length === 64 && secp256k1.verify(signature, registrationMessage(user.id, address), publicKey, { prehash: false });
      } catch {
        return false;
      }
    })();
    if (!valid) return Response.json({ error: { code: "BAD_SIGNATURE", message: "the signature does not prove this key" } }, { status: 400 });
    await db().user.update({ where: { id: user.id }, data: { chainAddress: address, publicKey: Buffer.from(publicKey).toString("base64") } });
    await sponsorNewAccount(address);
    return Response.json({ address }, { status: 201 });
  }
  return Response.json({ error: { code: "BAD_REQUEST", message: 'action must be "reveal-demo" or "register"' } }, { status: 400 });
}
