import type { AppModule, ServiceRegistrar } from "../../runtime/module/app-module.js";
import type { Context } from "../../runtime/context/context.js";
import { exportGenesis, initGenesis } from "./keeper/genesis.js";
import type { AccountKeeper } from "./keeper/keeper.js";
import { authQueryServer, QUERY_SERVICE } from "./keeper/query-server.js";
import { defaultGenesis, parseGenesis } from "./types/genesis.js";
import { MODULE_NAME } from "./types/keys.js";

export { AccountKeeper } from "./keeper/keeper.js";
export type { Account } from "./keeper/keeper.js";
export type { AuthGenesisJson, GenesisAccountJson } from "./types/genesis.js";

export class AuthModule implements AppModule {
  readonly name = MODULE_NAME;
  readonly consensusVersion = 1;

  constructor(readonly keeper: AccountKeeper) {}

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

  registerServices({ queryRouter }: ServiceRegistrar): void {
    queryRouter.registerService(QUERY_SERVICE, authQueryServer(this.keeper));
  }
}
