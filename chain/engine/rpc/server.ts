// CometBFT-compatible RPC transport: JSON-RPC 2.0 over HTTP POST / (single and batch), GET
// /<method>?arg=… URI calls, and JSON-RPC over WebSocket at /websocket with event subscriptions.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import type { EmbeddedNode } from "../node.js";
import { parseQuery, QueryError } from "../query.js";
import { RpcError } from "./errors.js";
import { methods, type MethodContext } from "./methods.js";
import { jsonArgs, uriArgs } from "./params.js";

export interface RpcServerOptions {
  /** `tcp://host:port` */
  laddr: string;
  corsAllowedOrigins: readonly string[];
  maxBodyBytes: number;
  maxSubscriptionsPerClient: number;
  maxSubscriptionClients: number;
  broadcastCommitTimeoutMs: number;
  log?: (line: string) => void;
}

export const defaultRpcOptions: Omit<RpcServerOptions, "laddr"> = {
  corsAllowedOrigins: ["*"],
  maxBodyBytes: 1_000_000,
  maxSubscriptionsPerClient: 5,
  maxSubscriptionClients: 100,
  broadcastCommitTimeoutMs: 10_000,
};

type Id = number | string | null;

interface RpcRequest {
  jsonrpc?: unknown;
  id?: unknown;
  method?: unknown;
  params?: unknown;
}

const WS_ONLY = new Set(["subscribe", "unsubscribe", "unsubscribe_all"]);
/** A WebSocket client whose unsent backlog grows past this is too slow and gets disconnected. */
const MAX_WS_BACKLOG = 64 * 1024 * 1024;

function errorResponse(id: Id, e: unknown): Record<string, unknown> {
  const err = e instanceof RpcError ? e : RpcError.internal(e instanceof Error ? e.message : String(e));
  const error: Record<string, unknown> = { code: err.code, message: err.rpcMessage };
  if (err.data) error.data = err.data;
  return { jsonrpc: "2.0", id, error };
}

const success = (id: Id, result: unknown) => ({ jsonrpc: "2.0", id, result });

function validId(id: unknown): id is number | string {
  return (typeof id === "number" && Number.isFinite(id)) || typeof id === "string";
}

export function parseLaddr(laddr: string): { host: string; port: number } {
  const m = /^(?:tcp:\/\/)?([^:]+|\[[^\]]+\]):(\d+)$/.exec(laddr);
  if (!m) throw new Error(`invalid listen address ${laddr}: expected tcp://host:port`);
  return { host: m[1]!.replace(/^\[|\]$/g, ""), port: Number(m[2]) };
}

export class RpcServer {
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly ctx: MethodContext;
  private readonly sockets = new Set<Socket>();
  private wsClients = 0;

  constructor(
    private readonly node: EmbeddedNode,
    private readonly opts: RpcServerOptions,
  ) {
    this.ctx = { node, rpcAddress: opts.laddr, broadcastCommitTimeoutMs: opts.broadcastCommitTimeoutMs };
    this.http = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) this.send(req, res, 500, errorResponse(null, e));
        else res.destroy();
      });
    });
    this.http.on("connection", (s: Socket) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    this.http.on("clientError", (_e, socket) => socket.destroy());
    this.wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxBodyBytes });
    this.http.on("upgrade", (req, socket, head) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (path !== "/websocket" || this.wsClients >= opts.maxSubscriptionClients) {
        socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onWebSocket(ws));
    });
  }

  async listen(): Promise<AddressInfo> {
    const { host, port } = parseLaddr(this.opts.laddr);
    await new Promise<void>((resolve, reject) => {
      this.http.once("error", reject);
      this.http.listen(port, host, () => {
        this.http.off("error", reject);
        resolve();
      });
    });
    return this.http.address() as AddressInfo;
  }

  async close(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    this.wss.close();
    const closed = new Promise<void>((r) => this.http.close(() => r()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private cors(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (!origin) return;
    const allowed = this.opts.corsAllowedOrigins;
    if (allowed.includes("*")) res.setHeader("Access-Control-Allow-Origin", "*");
    else if (allowed.includes(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
    }
  }

  private send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
    const json = JSON.stringify(body);
    this.cors(req, res);
    res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(json) });
    res.end(json);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "OPTIONS") {
      const origin = req.headers.origin;
      const allowed = this.opts.corsAllowedOrigins;
      if (origin && (allowed.includes("*") || allowed.includes(origin))) {
        this.cors(req, res);
        res.setHeader("Access-Control-Allow-Methods", "HEAD, GET, POST");
        res.setHeader("Access-Control-Allow-Headers", "Origin, Accept, Content-Type, X-Requested-With, X-Server-Time");
        res.setHeader("Access-Control-Max-Age", "86400");
      }
      res.writeHead(204).end();
      return;
    }
    if (req.method === "POST") {
      if (url.pathname !== "/") {
        // CometBFT serves JSON-RPC only on "/".
        res.writeHead(404, { "Content-Type": "text/plain" }).end("404 page not found\n");
        return;
      }
      const body = await this.readBody(req);
      if (body === undefined) {
        this.send(req, res, 400, errorResponse(null, RpcError.invalidRequest("error reading request body: http: request body too large")));
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch (e) {
        this.send(req, res, 500, errorResponse(null, RpcError.parse(`error unmarshaling request: ${(e as Error).message}`)));
        return;
      }
      if (Array.isArray(parsed)) {
        if (parsed.length === 0) {
          this.send(req, res, 200, errorResponse(null, RpcError.invalidRequest("empty batch")));
          return;
        }
        const out = (await Promise.all(parsed.map((r) => this.call(r)))).filter((r) => r !== undefined);
        if (out.length === 0) res.writeHead(200).end();
        else this.send(req, res, 200, out);
        return;
      }
      const out = await this.call(parsed);
      if (out === undefined) res.writeHead(200).end();
      else this.send(req, res, 200, out);
      return;
    }
    if (req.method === "GET" || req.method === "HEAD") {
      const name = url.pathname.slice(1);
      if (name === "") {
        const list = Object.keys(methods).map((m) => `<a href="/${m}">/${m}</a>`).join("<br>");
        res.writeHead(200, { "Content-Type": "text/html" }).end(`<html><body>Available endpoints:<br>${list}</body></html>`);
        return;
      }
      const method = methods[name];
      if (!method) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("404 page not found\n");
        return;
      }
      try {
        const args = uriArgs(method.params, url.searchParams);
        this.send(req, res, 200, success(-1, await method.run(this.ctx, args)));
      } catch (e) {
        this.send(req, res, 500, errorResponse(-1, e));
      }
      return;
    }
    res.writeHead(405, { Allow: "GET, POST, OPTIONS" }).end();
  }

  private readBody(req: IncomingMessage): Promise<Buffer | undefined> {
    return new Promise((resolve, reject) => {
      const declared = Number(req.headers["content-length"] ?? 0);
      if (declared > this.opts.maxBodyBytes) {
        req.resume();
        resolve(undefined);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (c: Buffer) => {
        size += c.length;
        if (size > this.opts.maxBodyBytes) {
          req.removeAllListeners("data");
          req.resume();
          resolve(undefined);
          return;
        }
        chunks.push(c);
      });
      req.on("end", () => resolve(Buffer.concat(chunks)));
      req.on("error", reject);
    });
  }

  /** One JSON-RPC request; undefined for notifications (no id), which get no reply. */
  private async call(raw: unknown, ws?: WsClient): Promise<Record<string, unknown> | undefined> {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      return errorResponse(null, RpcError.invalidRequest("request must be a JSON object"));
    }
    const r = raw as RpcRequest;
    if (r.id === undefined) return undefined;
    if (!validId(r.id)) return errorResponse(null, RpcError.invalidRequest("id must be a number or a string"));
    const id = r.id;
    if (r.jsonrpc !== "2.0") return errorResponse(id, RpcError.invalidRequest('jsonrpc must be "2.0"'));
    if (typeof r.method !== "string") return errorResponse(id, RpcError.invalidRequest("method must be a string"));
    try {
      if (WS_ONLY.has(r.method)) {
        if (!ws) return errorResponse(id, RpcError.methodNotFound());
        return success(id, ws.control(r.method, id, r.params));
      }
      const method = Object.hasOwn(methods, r.method) ? methods[r.method] : undefined;
      if (!method) return errorResponse(id, RpcError.methodNotFound());
      const args = jsonArgs(method.params, r.params);
      return success(id, await method.run(this.ctx, args));
    } catch (e) {
      if (!(e instanceof RpcError)) this.opts.log?.(`rpc ${r.method} failed: ${e instanceof Error ? e.stack : String(e)}`);
      return errorResponse(id, e);
    }
  }

  private onWebSocket(ws: WebSocket): void {
    this.wsClients++;
    const client = new WsClient(this.node, ws, this.opts.maxSubscriptionsPerClient);
    let alive = true;
    ws.on("pong", () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, 30_000);
    ws.on("message", (data, isBinary) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(isBinary ? "" : data.toString());
      } catch (e) {
        client.send(errorResponse(null, RpcError.parse(`error unmarshaling request: ${(e as Error).message}`)));
        return;
      }
      this.call(parsed, client).then(
        (out) => out && client.send(out),
        (e: unknown) => client.send(errorResponse(null, e)),
      );
    });
    ws.on("close", () => {
      this.wsClients--;
      clearInterval(ping);
      client.unsubscribeAll();
    });
    ws.on("error", () => ws.terminate());
  }
}

class WsClient {
  private readonly subs = new Map<string, () => void>();

  constructor(
    private readonly node: EmbeddedNode,
    private readonly ws: WebSocket,
    private readonly maxSubs: number,
  ) {}

  send(msg: unknown): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_WS_BACKLOG) {
      this.ws.close(1008, "client is not pulling messages fast enough");
      return;
    }
    this.ws.send(JSON.stringify(msg));
  }

  control(method: string, id: number | string, params: unknown): Record<string, never> {
    const q = (params && typeof params === "object" && !Array.isArray(params) ? (params as { query?: unknown }).query : Array.isArray(params) ? params[0] : undefined);
    if (method === "unsubscribe_all") {
      if (this.subs.size === 0) throw RpcError.internal("subscription not found");
      this.unsubscribeAll();
      return {};
    }
    if (typeof q !== "string") throw RpcError.invalidParams("error converting json params to arguments: query: expected a string");
    if (method === "unsubscribe") {
      const off = this.subs.get(q);
      if (!off) throw RpcError.internal("subscription not found");
      off();
      this.subs.delete(q);
      return {};
    }
    if (this.subs.size >= this.maxSubs) throw RpcError.internal(`max_subscriptions_per_client ${this.maxSubs} reached`);
    if (this.subs.has(q)) throw RpcError.internal("already subscribed");
    let query;
    try {
      query = parseQuery(q);
    } catch (e) {
      if (e instanceof QueryError) throw RpcError.internal(`failed to parse query: ${e.message}`);
      throw e;
    }
    const off = this.node.events.subscribe(query, (msg, events) => {
      this.send(success(id, { query: q, data: msg.data(), events: Object.fromEntries(events) }));
    });
    this.subs.set(q, off);
    return {};
  }

  unsubscribeAll(): void {
    for (const off of this.subs.values()) off();
    this.subs.clear();
  }
}
