import { GenesisState } from "@precision/proto/precision/access/v1/genesis";
import { requireAccountAddress } from "../../../runtime/module/kit.js";
import { defaultParams, validateParams } from "./params.js";
import { validateClasses, validateGrantKeys, validateScope, validateTriggerCode } from "./validation.js";

/** Genesis JSON is GenesisState in proto3 JSON. */
export type AccessGenesisJson = Record<string, unknown>;

export function defaultGenesis(): AccessGenesisJson {
  return GenesisState.toJSON({ params: defaultParams(), grants: [], emergencyRules: [], accessLog: [], nextGrantId: 1n, nextRuleId: 1n, nextEntryId: 1n }) as AccessGenesisJson;
}

function check(what: string, f: () => void): void {
  try {
    f();
  } catch (err) {
    throw new Error(`access genesis: ${what}: ${(err as Error).message}`, { cause: err });
  }
}

/** Params, grants, rules and log entries obey the message rules; ids are unique and below the next ids. */
export function parseGenesis(json: unknown): GenesisState {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error("access genesis must be an object");
  const state = GenesisState.fromJSON(json);
  check("params", () => {
    state.params = validateParams(state.params ?? defaultParams());
  });
  const next = { grant: state.nextGrantId || 1n, rule: state.nextRuleId || 1n, entry: state.nextEntryId || 1n };
  const unique = (kind: keyof typeof next, ids: bigint[]) => {
    if (new Set(ids).size !== ids.length) throw new Error(`access genesis: duplicate ${kind} id`);
    for (const id of ids) if (id < 1n || id >= next[kind]) throw new Error(`access genesis: ${kind} id ${id} is not in 1..${next[kind] - 1n}`);
  };
  for (const grant of state.grants) {
    check(`grant ${grant.id}`, () => {
      grant.patient = requireAccountAddress(grant.patient, "patient");
      if (grant.grantee !== "") grant.grantee = requireAccountAddress(grant.grantee, "grantee");
      if ((grant.grantee === "") === (grant.granteeOrganizationId === "")) throw new Error("exactly one grantee");
      validateScope(grant.scope);
      validateGrantKeys(grant.keys);
      if (grant.start === undefined || grant.end === undefined || grant.end.seconds <= grant.start.seconds) throw new Error("a grant needs start < end");
    });
  }
  for (const rule of state.emergencyRules) {
    check(`rule ${rule.id}`, () => {
      rule.patient = requireAccountAddress(rule.patient, "patient");
      if (rule.grantee !== "") rule.grantee = requireAccountAddress(rule.grantee, "grantee");
      if ((rule.grantee === "") === (rule.granteeOrganizationId === "")) throw new Error("exactly one grantee");
      validateTriggerCode(rule.triggerCode);
      validateClasses(rule.classes);
      validateGrantKeys(rule.keys);
      if (rule.durationSeconds <= 0n || rule.lookBackSeconds < 0n) throw new Error("duration must be positive and look-back not negative");
    });
  }
  for (const entry of state.accessLog) {
    check(`access log entry ${entry.id}`, () => {
      entry.patient = requireAccountAddress(entry.patient, "patient");
      entry.reader = requireAccountAddress(entry.reader, "reader");
    });
  }
  unique("grant", state.grants.map((g) => g.id));
  unique("rule", state.emergencyRules.map((r) => r.id));
  unique("entry", state.accessLog.map((e) => e.id));
  state.nextGrantId = next.grant;
  state.nextRuleId = next.rule;
  state.nextEntryId = next.entry;
  return state;
}
