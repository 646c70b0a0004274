import type { Context } from "../context/context.js";
import { ErrInvalidRequest, ErrKeyNotFound, ErrUnauthorized, ErrUnknownRequest } from "../errors/sdk-errors.js";
import type { ChainError } from "../errors/registry.js";

/** A gRPC-style query method: protobuf request bytes in, protobuf response bytes out. */
export type QueryHandler = (ctx: Context, request: Uint8Array) => Uint8Array;

/** gRPC status codes the query servers use (google.golang.org/grpc/codes). */
export const GrpcCode = {
  InvalidArgument: 3,
  NotFound: 5,
  Unauthenticated: 16,
  Unimplemented: 12,
} as const;

const GRPC_CODE_NAMES: Record<number, string> = {
  3: "InvalidArgument",
  5: "NotFound",
  12: "Unimplemented",
  16: "Unauthenticated",
};

/** A query failure with a gRPC status, as query servers return status.Errorf(...) in the SDK. */
export class GrpcStatusError extends Error {
  constructor(
    readonly grpcCode: number,
    readonly description: string,
  ) {
    super(`rpc error: code = ${GRPC_CODE_NAMES[grpcCode] ?? String(grpcCode)} desc = ${description}`);
    this.name = "GrpcStatusError";
  }

  /** baseapp's gRPCErrorToSDKError: NotFound becomes "…: key not found" (code 22), and so on. */
  toChainError(): ChainError {
    switch (this.grpcCode) {
      case GrpcCode.InvalidArgument:
        return ErrInvalidRequest.wrap(this.message);
      case GrpcCode.NotFound:
        return ErrKeyNotFound.wrap(this.message);
      case GrpcCode.Unauthenticated:
        return ErrUnauthorized.wrap(this.message);
      default:
        return ErrUnknownRequest.wrap(this.message);
    }
  }
}

export function notFound(description: string): GrpcStatusError {
  return new GrpcStatusError(GrpcCode.NotFound, description);
}

export function invalidArgument(description: string): GrpcStatusError {
  return new GrpcStatusError(GrpcCode.InvalidArgument, description);
}

export class QueryRouter {
  private readonly handlers = new Map<string, QueryHandler>();

  /** Registers `/<service>/<method>` paths, e.g. service "cosmos.bank.v1beta1.Query". */
  registerService(service: string, methods: Record<string, QueryHandler>): void {
    for (const [method, handler] of Object.entries(methods)) {
      const path = `/${service}/${method}`;
      if (this.handlers.has(path)) throw new Error(`query path ${path} is already routed`);
      this.handlers.set(path, handler);
    }
  }

  route(path: string): QueryHandler | undefined {
    return this.handlers.get(path);
  }

  paths(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
