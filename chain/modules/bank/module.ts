import type { Context } from "../../runtime/context/context.js";
import type { AppModule, ServiceRegistrar } from "../../runtime/module/app-module.js";
import { exportGenesis, initGenesis } from "./keeper/genesis.js";
import type { BankKeeper } from "./keeper/keeper.js";
import { msgSendRoute } from "./keeper/msg-server.js";
import { bankQueryServer, QUERY_SERVICE } from "./keeper/query-server.js";
import { defaultGenesis, parseGenesis } from "./types/genesis.js";
import { MODULE_NAME } from "./types/keys.js";

export { BankKeeper } from "./keeper/keeper.js";
export type { BankGenesisJson } from "./types/genesis.js";
export type { BankAccountKeeper } from "./types/expected-keepers.js";

export class BankModule implements AppModule {
  readonly name = MODULE_NAME;
  readonly consensusVersion = 1;

  constructor(
    readonly keeper: BankKeeper,
    /** Module accounts that may not receive MsgSend (the SDK's blocked addresses). */
    private readonly blockedModules: readonly string[],
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
    msgRouter.register(msgSendRoute(this.keeper, this.blockedModules));
    queryRouter.registerService(QUERY_SERVICE, bankQueryServer(this.keeper));
  }
}
