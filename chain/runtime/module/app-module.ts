import type { Context } from "../context/context.js";
import type { MsgRouter } from "../router/msg-router.js";
import type { QueryRouter } from "../router/query-router.js";

export interface ServiceRegistrar {
  readonly msgRouter: MsgRouter;
  readonly queryRouter: QueryRouter;
}

/**
 * What the app needs from a module (the SDK's AppModule with HasGenesis and HasServices). Genesis
 * crosses this boundary as parsed JSON; each module validates and converts its own section.
 */
export interface AppModule {
  readonly name: string;
  /** Bumped with every state-breaking change; migrations go N → N+1. */
  readonly consensusVersion: number;
  defaultGenesis(): unknown;
  /** Throws an Error explaining the first problem found. */
  validateGenesis(genesis: unknown): void;
  initGenesis(ctx: Context, genesis: unknown): void;
  exportGenesis(ctx: Context): unknown;
  registerServices(registrar: ServiceRegistrar): void;
}
