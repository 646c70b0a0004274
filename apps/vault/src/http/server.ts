import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { EMPTY_BODY, isRecordId } from "@precision/client";
import { Purpose } from "@precision/proto";
import type { AccessLogger } from "../ledger/access-logger.js";
import type { ChainGate } from "../ledger/chain-gate.js";
import { HashMismatchError, ObjectTooLargeError, type ObjectStore } from "../storage/object-store.js";
import { authenticate, NonceCache } from "./authenticate.js";
import { VaultError } from "./errors.js";

export interface VaultServerOptions {
  readonly store: ObjectStore;
  readonly chain: ChainGate;
  readonly logger: AccessLogger;
  readonly maxObjectBytes: number;
  readonly signatureWindowSeconds: number;
  readonly corsOrigins: readonly string[];
  /** Seconds since the epoch; tests move it. */
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

const OBJECT_PATH = /^\/v1\/objects\/([0-9a-f]{64})$/;
const RECORD_PATH = /^\/v1\/records\/([^/?#]+)$/;
const EXPOSED_HEADERS = "x-precision-access-entry, x-precision-grant, x-precision-purpose, x-precision-wrapped-key, x-precision-sha256";

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), "cache-control": "no-store" });
  res.end(text);
}

function sendError(res: ServerResponse, err: VaultError): void {
  if (res.headersSent) return void res.destroy(err);
  sendJson(res, err.status, { error: { code: err.code, message: err.message, ...err.details } });
}

/** The vault's HTTP API: signed uploads by content address, and signed, grant-checked, logged reads. */
export function createVaultServer(o: VaultServerOptions): Server {
  const nonces = new NonceCache(o.signatureWindowSeconds);
  const now = o.now ?? (() => Math.floor(Date.now() / 1000));
  const log = o.log ?? (() => undefined);

  async function upload(req: IncomingMessage, res: ServerResponse, sha256: string): Promise<void> {
    const signer = authenticate(req.headers.authorization, { method: "PUT", path: req.url!, bodySha256: sha256 }, nonces, o.signatureWindowSeconds, now());
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (Number.isFinite(declared) && declared > o.maxObjectBytes) throw new VaultError("E_TOO_LARGE", `objects are at most ${o.maxObjectBytes} bytes; this one declares ${declared}`);
    if (!(await o.chain.accountExists(signer))) throw new VaultError("E_UNKNOWN_ACCOUNT", `${signer} has no account on the chain`);
    try {
      const stored = await o.store.put(sha256, req, o.maxObjectBytes);
      sendJson(res, stored.created ? 201 : 200, { sha256: stored.sha256, size: stored.size });
    } catch (err) {
      if (err instanceof ObjectTooLargeError) throw new VaultError("E_TOO_LARGE", err.message);
      if (err instanceof HashMismatchError) throw new VaultError("E_HASH_MISMATCH", `the body does not hash to ${sha256}`, { actual: err.actual });
      throw err;
    }
  }

  async function read(req: IncomingMessage, res: ServerResponse, recordId: string): Promise<void> {
    const reader = authenticate(req.headers.authorization, { method: "GET", path: req.url!, bodySha256: EMPTY_BODY }, nonces, o.signatureWindowSeconds, now());
    if (!isRecordId(recordId)) throw new VaultError("E_BAD_REQUEST", `record id ${JSON.stringify(recordId)} is malformed`);
    const record = await o.chain.record(recordId);
    if (record === undefined) throw new VaultError("E_NOT_FOUND", `record ${recordId} is not anchored on the chain`);
    const sha256 = Buffer.from(record.ciphertextSha256).toString("hex");
    const object = await o.store.get(sha256);
    if (object === undefined) throw new VaultError("E_NOT_FOUND", `the ciphertext of record ${recordId} is not in this vault`);
    const decision = await o.chain.canRead(reader, recordId);
    if (!decision.allowed) throw new VaultError("E_FORBIDDEN", `${reader} may not read record ${recordId}: ${decision.reason}`, { reason: decision.reason });
    const entry = await o.logger.log(reader, recordId);
    log(`served ${recordId} to ${reader} (access-log entry ${entry.entryId})`);
    const headers: Record<string, string | number> = {
      "content-type": "application/octet-stream",
      "content-length": object.size,
      "cache-control": "no-store",
      "x-precision-sha256": sha256,
      "x-precision-access-entry": entry.entryId.toString(),
      "x-precision-grant": entry.grantId.toString(),
      "x-precision-purpose": Purpose[entry.purpose] ?? String(entry.purpose),
    };
    if (decision.wrappedKey.length > 0) headers["x-precision-wrapped-key"] = Buffer.from(decision.wrappedKey).toString("base64");
    res.writeHead(200, headers);
    const stream = object.open();
    stream.on("error", (err) => res.destroy(err));
    stream.pipe(res);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && o.corsOrigins.includes(origin)) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("vary", "origin");
      res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
    }
    const url = req.url ?? "/";
    if (req.method === "OPTIONS") {
      res.writeHead(204, { "access-control-allow-methods": "GET, PUT", "access-control-allow-headers": "authorization, content-type", "access-control-max-age": "600" });
      return void res.end();
    }
    if (url === "/health") return sendJson(res, 200, { status: "ok", operator: o.logger.operator });
    const object = OBJECT_PATH.exec(url);
    if (object) {
      if (req.method !== "PUT") throw new VaultError("E_METHOD", "objects are uploaded with PUT; reads go through GET /v1/records/<id>");
      return upload(req, res, object[1]!);
    }
    const record = RECORD_PATH.exec(url);
    if (record) {
      if (req.method !== "GET") throw new VaultError("E_METHOD", "records are read with GET");
      return read(req, res, decodeURIComponent(record[1]!));
    }
    if (url.startsWith("/v1/objects/")) throw new VaultError("E_BAD_REQUEST", "an object is addressed by its lowercase hex SHA-256");
    throw new VaultError("E_NOT_FOUND", `no such endpoint: ${req.method} ${url.split("?")[0]}`);
  }

  return createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      const error = err instanceof VaultError ? err : new VaultError("E_INTERNAL", "the vault failed to handle this request");
      if (!(err instanceof VaultError)) log(`internal error: ${(err as Error).stack ?? String(err)}`);
      // A refused upload's body is not read: close the connection rather than drain it.
      if (req.method === "PUT" && !req.readableEnded) res.setHeader("connection", "close");
      sendError(res, error);
    });
  });
}
