import { GenesisState } from "@precision/proto/precision/alerts/v1/genesis";
import type { Context } from "../../../runtime/context/context.js";
import { parseGenesis, type AlertsGenesisJson } from "../types/genesis.js";
import type { AlertsKeeper } from "./keeper.js";

export function initGenesis(ctx: Context, keeper: AlertsKeeper, json: unknown): void {
  const state = parseGenesis(json);
  for (const alert of state.alerts) keeper.putAlert(ctx, alert);
  for (const s of state.deviceSequences) keeper.setLastSequence(ctx, s.deviceId, s.sequence);
}

export function exportGenesis(ctx: Context, keeper: AlertsKeeper): AlertsGenesisJson {
  return GenesisState.toJSON({ alerts: keeper.allAlerts(ctx), deviceSequences: keeper.allSequences(ctx) }) as AlertsGenesisJson;
}
