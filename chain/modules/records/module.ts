import type { Context } from "../../runtime/context/context.js";
import type { AppModule, ServiceRegistrar } from "../../runtime/module/app-module.js";
import { exportGenesis, initGenesis } from "./keeper/genesis.js";
import type { RecordsKeeper } from "./keeper/keeper.js";
import { recordsMsgRoutes } from "./keeper/msg-server.js";
import { QUERY_SERVICE, recordsQueryServer } from "./keeper/query-server.js";
import type { AccessKeeper, IdentityKeeper } from "./types/expected-keepers.js";
import { defaultGenesis, parseGenesis } from "./types/genesis.js";
import { MODULE_NAME } from "./types/keys.js";

export { RecordsKeeper } from "./keeper/keeper.js";

export class RecordsModule implements AppModule {
  readonly name = MODULE_NAME;
  readonly consensusVersion = 1;

  constructor(
    readonly keeper: RecordsKeeper,
    private readonly identity: IdentityKeeper,
    private readonly access: AccessKeeper,
  ) {}

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
    for (const route of recordsMsgRoutes(this.keeper, this.identity, this.access)) msgRouter.register(route);
    queryRouter.registerService(QUERY_SERVICE, recordsQueryServer(this.keeper));
  }
}
