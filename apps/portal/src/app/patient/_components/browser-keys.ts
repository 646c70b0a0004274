// The patient's key in the browser: kept encrypted in localStorage, unlocked with a passphrase,
// used here to sign txs and vault requests and to open record keys. It never leaves the device.
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import {
  accountKeyFromMnemonic,
  connectPrecisionClient,
  createRegistry,
  decryptRecord,
  lockMnemonic,
  signVaultRequest,
  unlockMnemonic,
  unwrapKey,
  type AccountKey,
  type Keystore,
  type PrecisionConnection,
} from "@precision/client";
import { fromBase64 } from "./shared.ts";

const storageKey = (userId: string) => `precision.keystore.${userId}`;

export function loadKeystore(userId: string): Keystore | undefined {
  const raw = window.localStorage.getItem(storageKey(userId));
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Keystore;
  } catch {
    return undefined;
  }
}

export async function saveKeystore(userId: string, mnemonic: string, passphrase: string): Promise<AccountKey> {
  const key = await accountKeyFromMnemonic(mnemonic.trim().toLowerCase().split(/\s+/).join(" "));
  window.localStorage.setItem(storageKey(userId), JSON.stringify(await lockMnemonic(mnemonic.trim().toLowerCase().split(/\s+/).join(" "), passphrase, key.address)));
  return key;
}

export function forgetKeystore(userId: string): void {
  window.localStorage.removeItem(storageKey(userId));
}

export async function unlock(keystore: Keystore, passphrase: string): Promise<AccountKey> {
  return accountKeyFromMnemonic(await unlockMnemonic(keystore, passphrase));
}

const rpcUrl = () => `${window.location.origin}/api/patient/rpc`;

export interface Session {
  readonly key: AccountKey;
  readonly signer: SigningStargateClient;
  readonly chain: PrecisionConnection;
  /** Runs the patient's transactions one at a time: two in flight would sign the same sequence. */
  readonly inTurn: <T>(run: () => Promise<T>) => Promise<T>;
}

export async function openSession(key: AccountKey): Promise<Session> {
  const wallet = await DirectSecp256k1Wallet.fromKey(key.privateKey, "prec");
  const [signer, chain] = await Promise.all([
    SigningStargateClient.connectWithSigner(rpcUrl(), wallet, { registry: createRegistry(), gasPrice: GasPrice.fromString("0.025uusd"), broadcastPollIntervalMs: 300 }),
    connectPrecisionClient(rpcUrl()),
  ]);
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <T,>(run: () => Promise<T>): Promise<T> => {
    const next = last.catch(() => undefined).then(run);
    last = next;
    return next;
  };
  return { key, signer, chain, inTurn };
}

/** Reads one of the patient's records through the vault (logged on chain) and decrypts it here. */
export async function readOwnRecord(key: AccountKey, recordId: string): Promise<Record<string, unknown>> {
  const path = `/v1/records/${encodeURIComponent(recordId)}`;
  const res = await fetch(`/api/patient/vault${path}`, { headers: { authorization: signVaultRequest({ method: "GET", path, bodySha256: "" }, key.privateKey) }, cache: "no-store" });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(body.error?.message ?? `the vault answered ${res.status}`);
  }
  const wrapped = res.headers.get("x-precision-wrapped-key");
  if (!wrapped) throw new Error("the record carries no key for you");
  const dataKey = await unwrapKey(fromBase64(wrapped), key.privateKey);
  const plain = await decryptRecord(new Uint8Array(await res.arrayBuffer()), dataKey, { recordId });
  return JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>;
}

/** A one-line reading of a decrypted resource, for the timeline. */
export function describeResource(r: Record<string, unknown>): string {
  const x = r as { code?: { text?: string; coding?: { display?: string }[] }; valueQuantity?: { value?: number; unit?: string }; component?: { code: { text?: string }; valueQuantity?: { value?: number } }[]; medicationCodeableConcept?: { text?: string }; vaccineCode?: { text?: string }; type?: { text?: string } | { text?: string }[]; conclusion?: string; name?: { family?: string; given?: string[] }[] };
  const what = x.code?.text ?? x.code?.coding?.[0]?.display ?? x.medicationCodeableConcept?.text ?? x.vaccineCode?.text ?? (Array.isArray(x.type) ? x.type[0]?.text : x.type?.text) ?? String(r.resourceType);
  if (x.valueQuantity?.value !== undefined) return `${what}: ${x.valueQuantity.value} ${x.valueQuantity.unit ?? ""}`.trim();
  if (x.component?.length) return `${what}: ${x.component.map((c) => c.valueQuantity?.value).join("/")}`;
  if (x.conclusion) return `${what}: ${x.conclusion}`;
  if (x.name?.[0]) return `${x.name[0].given?.join(" ") ?? ""} ${x.name[0].family ?? ""}`.trim();
  return what;
}
