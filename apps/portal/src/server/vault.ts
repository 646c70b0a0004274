import "server-only";
import { createHash } from "node:crypto";
import { signVaultRequest } from "@precision/client";
import { env } from "@/env.ts";
import { FhirError } from "./fhir/outcome.ts";

export interface VaultRead {
  readonly envelope: Uint8Array;
  readonly wrappedKey: Uint8Array | undefined;
  readonly purpose: string;
  readonly entryId: string;
}

async function vaultError(res: Response, what: string): Promise<FhirError> {
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string; reason?: string } };
  const message = body.error?.message ?? `${what}: HTTP ${res.status}`;
  if (res.status === 403) return FhirError.of(403, "forbidden", message);
  if (res.status === 404) return FhirError.of(404, "not-found", message);
  if (res.status === 413) return FhirError.of(413, "too-costly", message);
  return FhirError.of(502, "transient", `the record vault refused ${what}: ${message}`);
}

async function call(url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetch(url, { ...init, cache: "no-store", signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    throw FhirError.of(503, "transient", `the record vault did not answer ${what}: ${(err as Error).message}`);
  }
}

/** Stores ciphertext under its SHA-256, signed by the uploader's account key. */
export async function vaultUpload(privateKey: Uint8Array, bytes: Uint8Array): Promise<string> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const path = `/v1/objects/${sha256}`;
  const res = await call(`${env().VAULT_URL}${path}`, { method: "PUT", body: Buffer.from(bytes), headers: { authorization: signVaultRequest({ method: "PUT", path, bodySha256: sha256 }, privateKey) } }, "the upload");
  if (res.status !== 201 && res.status !== 200) throw await vaultError(res, "the upload");
  return sha256;
}

/** Reads a record as the key's account: the vault checks the grant and logs the read on chain first. */
export async function vaultRead(privateKey: Uint8Array, recordId: string): Promise<VaultRead> {
  const path = `/v1/records/${encodeURIComponent(recordId)}`;
  const res = await call(`${env().VAULT_URL}${path}`, { headers: { authorization: signVaultRequest({ method: "GET", path, bodySha256: "" }, privateKey) } }, "the read");
  if (res.status !== 200) throw await vaultError(res, "the read");
  const wrapped = res.headers.get("x-precision-wrapped-key");
  return {
    envelope: new Uint8Array(await res.arrayBuffer()),
    wrappedKey: wrapped ? Uint8Array.from(Buffer.from(wrapped, "base64")) : undefined,
    purpose: res.headers.get("x-precision-purpose") ?? "",
    entryId: res.headers.get("x-precision-access-entry") ?? "",
  };
}
