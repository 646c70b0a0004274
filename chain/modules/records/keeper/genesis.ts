import { GenesisState } from "@precision/proto/precision/records/v1/genesis";
import type { Context } from "../../../runtime/context/context.js";
import { parseGenesis, type RecordsGenesisJson } from "../types/genesis.js";
import type { RecordsKeeper } from "./keeper.js";

/** Records are stored exactly as given, so export → init round-trips. */
export function initGenesis(ctx: Context, keeper: RecordsKeeper, json: unknown): void {
  for (const record of parseGenesis(json).records) keeper.addRecord(ctx, record);
}

export function exportGenesis(ctx: Context, keeper: RecordsKeeper): RecordsGenesisJson {
  return GenesisState.toJSON({ records: keeper.allRecords(ctx) }) as RecordsGenesisJson;
}
