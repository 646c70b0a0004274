import { GenesisState } from "@precision/proto/precision/access/v1/genesis";
import type { Context } from "../../../runtime/context/context.js";
import { parseGenesis, type AccessGenesisJson } from "../types/genesis.js";
import type { AccessKeeper } from "./keeper.js";

/** State is stored exactly as given, with the id counters, so export → init round-trips. */
export function initGenesis(ctx: Context, keeper: AccessKeeper, json: unknown): void {
  const state = parseGenesis(json);
  keeper.setParams(ctx, state.params!);
  for (const grant of state.grants) keeper.putGrant(ctx, grant);
  for (const rule of state.emergencyRules) keeper.putRule(ctx, rule);
  for (const entry of state.accessLog) keeper.putEntry(ctx, entry);
  keeper.setNextIds(ctx, { grant: state.nextGrantId, rule: state.nextRuleId, entry: state.nextEntryId });
}

export function exportGenesis(ctx: Context, keeper: AccessKeeper): AccessGenesisJson {
  const next = keeper.peekNextIds(ctx);
  return GenesisState.toJSON({
    params: keeper.getParams(ctx),
    grants: keeper.allGrants(ctx),
    emergencyRules: keeper.allRules(ctx),
    accessLog: keeper.allEntries(ctx),
    nextGrantId: next.grant,
    nextRuleId: next.rule,
    nextEntryId: next.entry,
  }) as AccessGenesisJson;
}
