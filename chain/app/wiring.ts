import { AccountKeeper, AuthModule } from "../modules/auth/module.js";
import { BankKeeper, BankModule } from "../modules/bank/module.js";
import { AccessKeeper, AccessModule } from "../modules/access/module.js";
import { AlertsKeeper, AlertsModule } from "../modules/alerts/module.js";
import { IdentityKeeper, IdentityModule } from "../modules/identity/module.js";
import { RecordsKeeper, RecordsModule } from "../modules/records/module.js";
import { AnteHandler, FEE_COLLECTOR_MODULE } from "../runtime/ante/ante-handler.js";
import type { GasPrice } from "../runtime/coins/coins.js";
import type { VerificationCache } from "../runtime/crypto/verification-cache.js";
import type { AppModule } from "../runtime/module/app-module.js";
import { MsgRouter } from "../runtime/router/msg-router.js";
import { QueryRouter } from "../runtime/router/query-router.js";

export interface Keepers {
  readonly account: AccountKeeper;
  readonly bank: BankKeeper;
  readonly identity: IdentityKeeper;
  readonly records: RecordsKeeper;
  readonly access: AccessKeeper;
  readonly alerts: AlertsKeeper;
}

export interface Wiring {
  readonly keepers: Keepers;
  readonly modules: readonly AppModule[];
  /**
   * InitGenesis order. auth first: accounts (and their numbers) must exist before bank credits
   * balances to them; then identity, records, access and alerts, none of which moves funds or
   * checks another module's genesis.
   */
  readonly initGenesisOrder: readonly AppModule[];
  /** Export runs in the same order so an exported genesis re-imports identically. */
  readonly exportGenesisOrder: readonly AppModule[];
  readonly msgRouter: MsgRouter;
  readonly queryRouter: QueryRouter;
  readonly ante: AnteHandler;
}

export interface WiringOptions {
  readonly minGasPrices: readonly GasPrice[];
  readonly maxBlockGas: () => number;
  readonly verificationCache: VerificationCache;
}

/** Builds keepers in dependency order, hands each module the keepers it declared, registers services. */
export function wireApp(options: WiringOptions): Wiring {
  const account = new AccountKeeper();
  const bank = new BankKeeper(account);
  const identity = new IdentityKeeper();
  const records = new RecordsKeeper();
  const access = new AccessKeeper(identity, records);
  const alerts = new AlertsKeeper();

  const auth = new AuthModule(account);
  // Module accounts never receive MsgSend, as in the SDK's BlockedAddrs.
  const bankModule = new BankModule(bank, [FEE_COLLECTOR_MODULE]);
  const identityModule = new IdentityModule(identity);
  const recordsModule = new RecordsModule(records, identity, access);
  const accessModule = new AccessModule(access, identity, records);
  const alertsModule = new AlertsModule(alerts, identity, access);
  const modules: AppModule[] = [auth, bankModule, identityModule, recordsModule, accessModule, alertsModule];

  const msgRouter = new MsgRouter();
  const queryRouter = new QueryRouter();
  for (const m of modules) m.registerServices({ msgRouter, queryRouter });

  const ante = new AnteHandler({
    accountKeeper: account,
    bankKeeper: bank,
    minGasPrices: options.minGasPrices,
    maxBlockGas: options.maxBlockGas,
    verificationCache: options.verificationCache,
  });

  return {
    keepers: { account, bank, identity, records, access, alerts },
    modules,
    initGenesisOrder: modules,
    exportGenesisOrder: modules,
    msgRouter,
    queryRouter,
    ante,
  };
}
