/** A JSON-RPC error with CometBFT's codes and messages; `data` carries the detail. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    readonly rpcMessage: string,
    readonly data: string,
  ) {
    super(data);
  }

  static invalidRequest(data: string): RpcError {
    return new RpcError(-32600, "Invalid Request", data);
  }

  static methodNotFound(): RpcError {
    return new RpcError(-32601, "Method not found", "");
  }

  static invalidParams(data: string): RpcError {
    return new RpcError(-32602, "Invalid params", data);
  }

  static internal(data: string): RpcError {
    return new RpcError(-32603, "Internal error", data);
  }

  static parse(data: string): RpcError {
    return new RpcError(-32700, "Parse error", data);
  }
}
