import type { Context } from "../../runtime/context/context.js";
import type { AppModule, ServiceRegistrar } from "../../runtime/module/app-module.js";
import { exportGenesis, initGenesis } from "./keeper/genesis.js";
import type { IdentityKeeper } from "./keeper/keeper.js";
import { identityMsgRoutes } from "./keeper/msg-server.js";
import { identityQueryServer, QUERY_SERVICE } from "./keeper/query-server.js";
import { defaultGenesis, parseGenesis } from "./types/genesis.js";
import { MODULE_NAME } from "./types/keys.js";

export { IdentityKeeper } from "./keeper/keeper.js";
export type { IdentityGenesisJson } from "./types/genesis.js";

export class IdentityModule implements AppModule {
  readonly name = MODULE_NAME;
  readonly consensusVersion = 1;

  constructor(readonly keeper: IdentityKeeper) {}

  defaultGenesis(): unknown {
    return defaultGenesis();
  }

  validateGenesis(genesis: unknown): void {
    parseGenesis(genesis);
  }

  initGenesis(ctx: Context, genesis: unknown): void {
    initGenesis(ctx, this.keeper, genesis);
  }

  exportGenesis(ctx: Context): unknown {
    return exportGenesis(ctx, this.keeper);
  }

  registerServices({ msgRouter, queryRouter }: ServiceRegistrar): void {
    for (const route of identityMsgRoutes(this.keeper)) msgRouter.register(route);
    queryRouter.registerService(QUERY_SERVICE, identityQueryServer(this.keeper));
  }
}
