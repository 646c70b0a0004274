import { GenesisState } from "@precision/proto/precision/identity/v1/genesis";
import type { Context } from "../../../runtime/context/context.js";
import { parseGenesis, type IdentityGenesisJson } from "../types/genesis.js";
import type { IdentityKeeper } from "./keeper.js";

/** Records are stored exactly as given (inactive ones too), so export → init round-trips. */
export function initGenesis(ctx: Context, keeper: IdentityKeeper, json: unknown): void {
  const state = parseGenesis(json);
  keeper.setAuthority(ctx, state.authority);
  for (const org of state.organizations) keeper.setOrganization(ctx, org);
  for (const member of state.members) keeper.setMember(ctx, member);
  for (const device of state.devices) keeper.setDevice(ctx, device);
}

export function exportGenesis(ctx: Context, keeper: IdentityKeeper): IdentityGenesisJson {
  return GenesisState.toJSON({
    authority: keeper.getAuthority(ctx),
    organizations: keeper.allOrganizations(ctx),
    members: keeper.allMembers(ctx),
    devices: keeper.allDevices(ctx),
  }) as IdentityGenesisJson;
}
