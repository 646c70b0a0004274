import type { Context } from "../../runtime/context/context.js";
import type { AppModule, ServiceRegistrar } from "../../runtime/module/app-module.js";
import { exportGenesis, initGenesis } from "./keeper/genesis.js";
import type { AccessKeeper } from "./keeper/keeper.js";
import { accessMsgRoutes } from "./keeper/msg-server.js";
import { accessQueryServer, QUERY_SERVICE } from "./keeper/query-server.js";
import type { IdentityKeeper, RecordsKeeper } from "./types/expected-keepers.js";
import { defaultGenesis, parseGenesis } from "./types/genesis.js";
import { MODULE_NAME } from "./types/keys.js";

export { AccessKeeper } from "./keeper/keeper.js";

export class AccessModule implements AppModule {
  readonly name = MODULE_NAME;
  readonly consensusVersion = 1;

  constructor(
    readonly keeper: AccessKeeper,
    private readonly identity: IdentityKeeper,
    private readonly records: RecordsKeeper,
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
    for (const route of accessMsgRoutes(this.keeper, this.identity, this.records)) msgRouter.register(route);
    queryRouter.registerService(QUERY_SERVICE, accessQueryServer(this.keeper));
  }
}
