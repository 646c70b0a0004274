// The vault against a real precisiond: signed uploads by content address, reads gated by the
// access module and written to its access log, and every refusal with its stable code.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { calculateFee, GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import {
  accessMessageComposer,
  connectPrecisionClient,
  createRegistry,
  decryptRecord,
  encryptRecord,
  generateMnemonic,
  recordsMessageComposer,
  signVaultRequest,
  unwrapKey,
  vaultLocator,
  walletFromMnemonic,
  wrapKey,
  type PrecisionConnection,
} from "@precision/client";
import { Purpose, RecordClass } from "@precision/proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestNode, type TestNode } from "../../../tooling/testing/precisiond.mjs";
import { readEnv } from "../src/env.js";
import { startVault, type RunningVault } from "../src/service.js";

const MAX_OBJECT_BYTES = 110 * 1024 * 1024;
const gasPrice = GasPrice.fromString("0.025uusd");
const fee = calculateFee(400_000, gasPrice);

interface Party {
  readonly priv: Uint8Array;
  readonly pub: Uint8Array;
  readonly address: string;
  client?: SigningStargateClient;
}

async function party(): Promise<Party & { wallet: DirectSecp256k1Wallet }> {
  const priv = secp256k1.utils.randomSecretKey();
  const wallet = await DirectSecp256k1Wallet.fromKey(priv, "prec");
  return { priv, pub: secp256k1.getPublicKey(priv, true), address: (await wallet.getAccounts())[0]!.address, wallet };
}

let node: TestNode;
let vault: RunningVault;
let vaultDir: string | undefined;
let q: PrecisionConnection;
let patient: Awaited<ReturnType<typeof party>>;
let cardiologist: Awaited<ReturnType<typeof party>>;
let stranger: Awaited<ReturnType<typeof party>>;
let biller: Awaited<ReturnType<typeof party>>;
const orgPriv = secp256k1.utils.randomSecretKey();

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function put(sha: string, body: RequestInit["body"], signer: Party | undefined, headers: Record<string, string> = {}) {
  const pathname = `/v1/objects/${sha}`;
  const authorization = signer ? signVaultRequest({ method: "PUT", path: pathname, bodySha256: sha }, signer.priv) : undefined;
  return fetch(`${vault.url}${pathname}`, { method: "PUT", body, duplex: "half", headers: { ...(authorization ? { authorization } : {}), ...headers } } as RequestInit);
}

function read(recordId: string, signer: Party, authorization?: string) {
  const pathname = `/v1/records/${recordId}`;
  return fetch(`${vault.url}${pathname}`, { headers: { authorization: authorization ?? signVaultRequest({ method: "GET", path: pathname, bodySha256: "" }, signer.priv) } });
}

async function errorCode(res: Response): Promise<[number, string]> {
  const body = (await res.json()) as { error: { code: string } };
  return [res.status, body.error.code];
}

/** An upload declaring more bytes than the limit is refused before its body is read. */
function declaredTooLarge(sha: string): Promise<[number, string]> {
  const pathname = `/v1/objects/${sha}`;
  return new Promise((resolve, reject) => {
    const req = request(`${vault.url}${pathname}`, {
      method: "PUT",
      headers: { authorization: signVaultRequest({ method: "PUT", path: pathname, bodySha256: sha }, patient.priv), "content-length": String(MAX_OBJECT_BYTES + 1) },
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve([res.statusCode!, (JSON.parse(text) as { error: { code: string } }).error.code]));
    });
    req.on("error", reject);
    req.write("a few bytes");
  });
}

async function anchor(id: string, envelope: Uint8Array, dataKey: Uint8Array) {
  await anchorHash(id, sha256Hex(envelope), envelope.length, RecordClass.RECORD_CLASS_VITALS, dataKey);
}

async function anchorHash(id: string, sha: string, size: number, recordClass: RecordClass, dataKey: Uint8Array = new Uint8Array(32)) {
  const hash = Uint8Array.from(Buffer.from(sha, "hex"));
  const res = await patient.client!.signAndBroadcast(
    patient.address,
    [
      recordsMessageComposer.anchorRecord({
        author: patient.address,
        id,
        patient: patient.address,
        resourceType: recordClass === RecordClass.RECORD_CLASS_IMAGING ? "ImagingStudy" : "Observation",
        recordClass,
        ciphertextSha256: hash,
        ciphertextSize: BigInt(size),
        vaultLocator: vaultLocator(hash),
        keys: [{ recipient: patient.address, wrappedKey: await wrapKey(dataKey, patient.pub) }],
      }),
    ],
    fee,
  );
  expect(res.code).toBe(0);
}

beforeAll(async () => {
  [patient, cardiologist, stranger, biller] = await Promise.all([party(), party(), party(), party()]);
  const operatorMnemonic = generateMnemonic(24);
  const [operator] = await (await walletFromMnemonic(operatorMnemonic)).getAccounts();
  node = await createTestNode(
    [patient, cardiologist, biller, operator!].map((p) => ({ address: p.address, coins: "1000000000uusd" })),
    {
      blockTime: "300ms",
      genesis: (g) => {
        g.app_state.access.params.vaultOperators = [operator!.address];
        g.app_state.identity.organizations = [{ id: "heartcare", name: "HeartCare Clinic", type: "ORGANIZATION_TYPE_PROVIDER", active: true, encryptionPublicKey: Buffer.from(secp256k1.getPublicKey(orgPriv, true)).toString("base64") }];
        g.app_state.identity.members = [
          { organizationId: "heartcare", address: cardiologist.address, roles: ["ROLE_CLINICIAN"], active: true },
          { organizationId: "heartcare", address: biller.address, roles: ["ROLE_BILLING"], active: true },
        ];
      },
    },
  );
  await node.start();
  vaultDir = mkdtempSync(path.join(tmpdir(), "precision-vault-"));
  vault = await startVault(
    readEnv({
      VAULT_PORT: "0",
      VAULT_DATA_DIR: path.join(vaultDir, "data"),
      CHAIN_RPC_URL: node.rpcUrl,
      VAULT_OPERATOR_MNEMONIC: operatorMnemonic,
      VAULT_MAX_OBJECT_BYTES: String(MAX_OBJECT_BYTES),
    }),
  );
  for (const p of [patient, cardiologist]) p.client = await SigningStargateClient.connectWithSigner(node.rpcUrl, p.wallet, { registry: createRegistry(), gasPrice, broadcastPollIntervalMs: 100 });
  q = await connectPrecisionClient(node.rpcUrl);
}, 60_000);

afterAll(async () => {
  q?.disconnect();
  patient?.client?.disconnect();
  cardiologist?.client?.disconnect();
  await vault?.stop();
  await node?.remove();
  if (vaultDir) rmSync(vaultDir, { recursive: true, force: true });
});

describe("uploads", () => {
  const body = new TextEncoder().encode("ciphertext bytes, opaque to the vault");
  const sha = sha256Hex(body);

  it("stores a signed upload by its hash, idempotently", async () => {
    const first = await put(sha, body, patient);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ sha256: sha, size: body.length });
    expect((await put(sha, body, patient)).status).toBe(200);
  });

  it("refuses unsigned, mis-signed, replayed, stale, unknown-account, wrong-hash and oversize uploads", async () => {
    expect(await errorCode(await put(sha, body, undefined))).toEqual([401, "E_UNSIGNED"]);
    const otherHash = sha256Hex(new Uint8Array([1]));
    const signedForOther = signVaultRequest({ method: "PUT", path: `/v1/objects/${otherHash}`, bodySha256: otherHash }, patient.priv);
    expect(await errorCode(await put(sha, body, undefined, { authorization: signedForOther }))).toEqual([401, "E_BAD_SIGNATURE"]);
    expect(await errorCode(await put(sha, body, undefined, { authorization: "Precision-Vault-V1 nonsense" }))).toEqual([401, "E_BAD_SIGNATURE"]);
    const once = signVaultRequest({ method: "PUT", path: `/v1/objects/${sha}`, bodySha256: sha }, patient.priv);
    expect((await put(sha, body, undefined, { authorization: once })).status).toBe(200);
    expect(await errorCode(await put(sha, body, undefined, { authorization: once }))).toEqual([401, "E_REPLAY"]);
    const stale = signVaultRequest({ method: "PUT", path: `/v1/objects/${sha}`, bodySha256: sha }, patient.priv, { now: Math.floor(Date.now() / 1000) - 3_600 });
    expect(await errorCode(await put(sha, body, undefined, { authorization: stale }))).toEqual([401, "E_STALE_SIGNATURE"]);
    expect(await errorCode(await put(sha, body, stranger))).toEqual([403, "E_UNKNOWN_ACCOUNT"]);
    const wrongBody = new TextEncoder().encode("something else");
    expect(await errorCode(await put(sha256Hex(body.subarray(1)), wrongBody, patient))).toEqual([422, "E_HASH_MISMATCH"]);
    expect(await declaredTooLarge(sha)).toEqual([413, "E_TOO_LARGE"]);
    expect(await errorCode(await fetch(`${vault.url}/v1/objects/NOT-A-HASH`, { method: "PUT", body }))).toEqual([400, "E_BAD_REQUEST"]);
    expect(await errorCode(await fetch(`${vault.url}/v1/objects/${sha}`))).toEqual([405, "E_METHOD"]);
    expect(await errorCode(await fetch(`${vault.url}/nope`))).toEqual([404, "E_NOT_FOUND"]);
  });

  it("streams a 100 MB imaging object in and out, and refuses one over the limit while it streams", async () => {
    const chunk = new Uint8Array(1024 * 1024).map((_, i) => (i * 31) & 0xff);
    const chunks = 100;
    const hash = createHash("sha256");
    for (let i = 0; i < chunks; i++) hash.update(chunk);
    const sha = hash.digest("hex");
    const stream = (n: number) => Readable.toWeb(Readable.from((function* () { for (let i = 0; i < n; i++) yield chunk; })())) as ReadableStream;
    const res = await put(sha, stream(chunks), patient);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ sha256: sha, size: chunks * chunk.length });

    await anchorHash("img-1", sha, chunks * chunk.length, RecordClass.RECORD_CLASS_IMAGING);
    const out = await read("img-1", patient);
    expect(out.status).toBe(200);
    expect(out.headers.get("content-length")).toBe(String(chunks * chunk.length));
    const back = createHash("sha256");
    for await (const part of out.body as unknown as AsyncIterable<Uint8Array>) back.update(part);
    expect(back.digest("hex")).toBe(sha);

    const tooBig = await put(sha256Hex(new Uint8Array([9])), stream(111), patient);
    expect(await errorCode(tooBig)).toEqual([413, "E_TOO_LARGE"]);
  });
});

describe("reads", () => {
  const observation = new TextEncoder().encode(JSON.stringify({ resourceType: "Observation", status: "final", code: { text: "Heart rate" }, valueQuantity: { value: 64, unit: "/min" } }));
  let envelope: Uint8Array;

  beforeAll(async () => {
    const sealed = await encryptRecord(observation, { recordId: "hr-1" });
    envelope = sealed.envelope;
    expect((await put(sealed.contentHash, envelope, patient)).status).toBe(201);
    await anchor("hr-1", envelope, sealed.dataKey);
  }, 30_000);

  it("serves the patient their own record with their wrapped key, after logging the read on chain", async () => {
    const res = await read("hr-1", patient);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-precision-purpose")).toBe("PURPOSE_PATRQT");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes).toEqual(envelope);
    const key = await unwrapKey(Uint8Array.from(Buffer.from(res.headers.get("x-precision-wrapped-key")!, "base64")), patient.priv);
    expect(await decryptRecord(bytes, key, { recordId: "hr-1" })).toEqual(observation);
    const entry = BigInt(res.headers.get("x-precision-access-entry")!);
    const log = await q.query.access.accessLog(patient.address);
    expect(log.entries.find((e) => e.id === entry)).toMatchObject({ reader: patient.address, recordId: "hr-1", purpose: Purpose.PURPOSE_PATRQT });
  });

  it("refuses a reader without a grant, serves them under a grant, and refuses again the moment it is revoked", async () => {
    expect(await read("hr-1", cardiologist).then(async (r) => [r.status, ((await r.json()) as { error: { code: string; reason: string } }).error])).toEqual([403, expect.objectContaining({ code: "E_FORBIDDEN", reason: "no_grant" })]);
    const granted = await patient.client!.signAndBroadcast(
      patient.address,
      [accessMessageComposer.grantAccess({ patient: patient.address, granteeOrganizationId: "heartcare", purpose: Purpose.PURPOSE_TREAT, scope: { classes: [RecordClass.RECORD_CLASS_VITALS] }, end: { seconds: BigInt(Math.floor(Date.now() / 1000) + 86_400), nanos: 0 } })],
      fee,
    );
    expect(granted.code).toBe(0);
    const allowed = await Promise.all([1, 2, 3, 4].map(() => read("hr-1", cardiologist)));
    expect(allowed.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const entries = allowed.map((r) => r.headers.get("x-precision-access-entry"));
    expect(new Set(entries).size).toBe(4);
    expect(allowed.every((r) => r.headers.get("x-precision-purpose") === "PURPOSE_TREAT")).toBe(true);
    // A treatment grant to the clinic is not one to its billing office.
    const billing = await read("hr-1", biller);
    expect([billing.status, ((await billing.json()) as { error: { reason: string } }).error.reason]).toEqual([403, "role_not_permitted"]);

    const grantId = BigInt(allowed[0]!.headers.get("x-precision-grant")!);
    const revoked = await patient.client!.signAndBroadcast(patient.address, [accessMessageComposer.revokeAccess({ patient: patient.address, grantId })], fee);
    expect(revoked.code).toBe(0);
    const denied = await read("hr-1", cardiologist);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { reason: string } }).error.reason).toBe("revoked");
    const log = await q.query.access.accessLog(patient.address);
    expect(log.entries.filter((e) => e.reader === cardiologist.address)).toHaveLength(4);
  });

  it("refuses replayed, unsigned and unknown-record reads with their codes", async () => {
    const authorization = signVaultRequest({ method: "GET", path: "/v1/records/hr-1", bodySha256: "" }, patient.priv);
    expect((await read("hr-1", patient, authorization)).status).toBe(200);
    expect(await errorCode(await read("hr-1", patient, authorization))).toEqual([401, "E_REPLAY"]);
    expect(await errorCode(await fetch(`${vault.url}/v1/records/hr-1`))).toEqual([401, "E_UNSIGNED"]);
    expect(await errorCode(await read("nope-404", patient))).toEqual([404, "E_NOT_FOUND"]);
    expect(await errorCode(await read("bad%20id", patient))).toEqual([400, "E_BAD_REQUEST"]);
  });
});
