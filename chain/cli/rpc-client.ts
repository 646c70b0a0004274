import { CliError } from "./errors.js";

/** A minimal CometBFT JSON-RPC caller for the CLI's query and tx commands. */
export async function rpcCall<T>(
  node: string,
  method: string,
  params: Record<string, unknown>,
): Promise<T> {
  let url: URL;
  try {
    url = new URL(node.replace(/^tcp:\/\//, "http://"));
  } catch {
    throw new CliError(
      `--node must be a URL like http://127.0.0.1:26657, got ${JSON.stringify(node)}`,
    );
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new CliError(`cannot reach the node at ${url.origin}: ${(err as Error).message}`);
  }
  const body = (await response.json().catch(() => undefined)) as
    { result?: T; error?: { code: number; message: string; data?: string } } | undefined;
  if (!body)
    throw new CliError(`the node at ${url.origin} answered HTTP ${response.status} without JSON`);
  if (body.error) throw new CliError(`${method}: ${body.error.data ?? body.error.message}`);
  return body.result as T;
}

interface AbciQueryResult {
  response: {
    code?: number;
    log?: string;
    codespace?: string;
    value?: string | null;
    height?: string;
  };
}

/** Runs a gRPC-style query through abci_query and returns the response bytes. */
export async function abciQuery(node: string, path: string, data: Uint8Array): Promise<Uint8Array> {
  const { response } = await rpcCall<AbciQueryResult>(node, "abci_query", {
    path,
    data: Buffer.from(data).toString("hex"),
    prove: false,
  });
  if (response.code)
    throw new CliError(
      `${path} failed (${response.codespace ?? ""} ${response.code}): ${response.log ?? ""}`,
    );
  return new Uint8Array(Buffer.from(response.value ?? "", "base64"));
}
