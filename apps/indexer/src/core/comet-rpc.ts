// A small CometBFT 0.38 JSON-RPC client over HTTP: single calls and batches, with a timeout.
// The indexer needs raw JSON (block, block_results) and batched abci_query at a height, which
// CosmJS's Comet38Client does not batch.

export class RpcUnavailableError extends Error {}

export class RpcCallError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
  ) {
    super(`${method}: ${message} (code ${code})`);
  }
}

interface RpcReply {
  id: number;
  result?: unknown;
  error?: { code: number; message: string; data?: string };
}

export interface RpcCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
}

export class CometRpc {
  private nextId = 1;

  constructor(
    readonly url: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const [result] = await this.batch<T>([{ method, params }]);
    return result as T;
  }

  /** One HTTP round trip for many calls; results come back in call order. */
  async batch<T>(calls: readonly RpcCall[]): Promise<T[]> {
    if (calls.length === 0) return [];
    const first = this.nextId;
    this.nextId += calls.length;
    const body = calls.map((c, i) => ({ jsonrpc: "2.0", id: first + i, method: c.method, params: c.params }));
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new RpcUnavailableError(`chain RPC ${this.url} unreachable: ${(err as Error).message}`);
    }
    if (!res.ok && res.status !== 500) throw new RpcUnavailableError(`chain RPC ${this.url} answered HTTP ${res.status}`);
    const replies = (await res.json()) as RpcReply[] | RpcReply;
    const list = Array.isArray(replies) ? replies : [replies];
    const byId = new Map(list.map((r) => [r.id, r]));
    return calls.map((c, i) => {
      const reply = byId.get(first + i);
      if (!reply) throw new RpcCallError(c.method, -1, "no reply in the batch");
      if (reply.error) throw new RpcCallError(c.method, reply.error.code, reply.error.data ?? reply.error.message);
      return reply.result as T;
    });
  }
}
