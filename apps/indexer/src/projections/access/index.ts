import { AccessLogEntry, EmergencyRule, Grant, GrantKind, Purpose } from "@precision/proto/precision/access/v1/types";
import { RecordClass } from "@precision/proto/precision/records/v1/types";
import { insertRows, updateAllBut, type Column } from "../../core/bulk.js";
import { enumLabel, genesisIds, idKey, toDate, typedEventValues } from "../event-ids.js";
import type { Projection } from "../projection.js";

const STORE = "access";
/** chain/modules/access/types/keys.ts */
const GRANT_PREFIX = 0x02;
const RULE_PREFIX = 0x05;
const ENTRY_PREFIX = 0x07;
const EVENTS = "precision.access.v1.";

const GRANT_COLUMNS: Column[] = [
  { name: "id", type: "bigint" },
  { name: "patient", type: "text" },
  { name: "grantee", type: "text" },
  { name: "granteeOrganizationId", type: "text" },
  { name: "kind", type: "text" },
  { name: "purpose", type: "text" },
  { name: "scopeAll", type: "bool" },
  { name: "scopeClasses", type: "text[]" },
  { name: "scopeRecordIds", type: "text[]" },
  { name: "recordsFrom", type: "timestamp(3)" },
  { name: "start", type: "timestamp(3)" },
  { name: "end", type: "timestamp(3)" },
  { name: "reason", type: "text" },
  { name: "ruleId", type: "bigint" },
  { name: "alertId", type: "text" },
  { name: "organizationId", type: "text" },
  { name: "createdBy", type: "text" },
  { name: "revoked", type: "bool" },
  { name: "revokedHeight", type: "bigint" },
  { name: "revokedTime", type: "timestamp(3)" },
  { name: "createdHeight", type: "bigint" },
  { name: "createdTime", type: "timestamp(3)" },
  { name: "updatedHeight", type: "bigint" },
];
const RULE_COLUMNS: Column[] = [
  { name: "id", type: "bigint" },
  { name: "patient", type: "text" },
  { name: "triggerCode", type: "text" },
  { name: "grantee", type: "text" },
  { name: "granteeOrganizationId", type: "text" },
  { name: "classes", type: "text[]" },
  { name: "lookBackSeconds", type: "bigint" },
  { name: "durationSeconds", type: "bigint" },
  { name: "active", type: "bool" },
  { name: "createdHeight", type: "bigint" },
  { name: "updatedHeight", type: "bigint" },
];
const ENTRY_COLUMNS: Column[] = [
  { name: "id", type: "bigint" },
  { name: "patient", type: "text" },
  { name: "reader", type: "text" },
  { name: "recordId", type: "text" },
  { name: "purpose", type: "text" },
  { name: "grantId", type: "bigint" },
  { name: "vault", type: "text" },
  { name: "height", type: "bigint" },
  { name: "time", type: "timestamp(3)" },
];

const orNull = (s: string) => (s === "" ? null : s);
const classLabel = (c: RecordClass) => enumLabel(RecordClass, c, "RECORD_CLASS_");

/** Grants, emergency rules and access-log entries named by access events (and genesis). */
export const accessProjection: Projection = {
  module: "access",
  async load({ block, genesisAppState, state }) {
    const section = genesisAppState?.access;
    const grantIds = [...new Set([...genesisIds(section, "grants"), ...typedEventValues(block, EVENTS, ["grant_id"])])].map(BigInt);
    const ruleIds = [...new Set([...genesisIds(section, "emergencyRules"), ...genesisIds(section, "emergency_rules"), ...typedEventValues(block, EVENTS, ["rule_id"])])].map(BigInt);
    const entryIds = [...new Set([...genesisIds(section, "accessLog"), ...genesisIds(section, "access_log"), ...typedEventValues(block, EVENTS, ["entry_id"])])].map(BigInt);
    // Emergency grants are opened by the alerts module: its events name them too.
    for (const id of typedEventValues(block, "precision.alerts.v1.", ["grant_id"])) grantIds.push(BigInt(id));
    const grants = [...new Set(grantIds)].sort((a, b) => (a < b ? -1 : 1));
    const values = await state.getMany(block.height, [
      ...grants.map((id) => ({ store: STORE, key: idKey(GRANT_PREFIX, id) })),
      ...ruleIds.map((id) => ({ store: STORE, key: idKey(RULE_PREFIX, id) })),
      ...entryIds.map((id) => ({ store: STORE, key: idKey(ENTRY_PREFIX, id) })),
    ]);
    const h = block.height;
    return async (tx) => {
      const grantRows = values.slice(0, grants.length).flatMap((v) => {
        if (!v) return [];
        const g = Grant.decode(v);
        return [[
          g.id, g.patient, orNull(g.grantee), orNull(g.granteeOrganizationId), enumLabel(GrantKind, g.kind, "GRANT_KIND_"), enumLabel(Purpose, g.purpose, "PURPOSE_"),
          g.scope?.all ?? false, (g.scope?.classes ?? []).map(classLabel), g.scope?.recordIds ?? [], toDate(g.scope?.recordsFrom) ?? null,
          toDate(g.start), toDate(g.end), g.reason, g.ruleId === 0n ? null : g.ruleId, orNull(g.alertId), orNull(g.organizationId), g.createdBy,
          g.revoked, g.revoked ? g.revokedHeight : null, toDate(g.revokedTime) ?? null, g.createdHeight, toDate(g.createdTime), h,
        ]];
      });
      await insertRows(tx, "ChainGrant", GRANT_COLUMNS, grantRows, updateAllBut(["id"], GRANT_COLUMNS));
      const ruleRows = values.slice(grants.length, grants.length + ruleIds.length).flatMap((v) => {
        if (!v) return [];
        const r = EmergencyRule.decode(v);
        return [[r.id, r.patient, r.triggerCode, orNull(r.grantee), orNull(r.granteeOrganizationId), r.classes.map(classLabel), r.lookBackSeconds, r.durationSeconds, r.active, r.createdHeight, h]];
      });
      await insertRows(tx, "ChainEmergencyRule", RULE_COLUMNS, ruleRows, updateAllBut(["id"], RULE_COLUMNS));
      const entryRows = values.slice(grants.length + ruleIds.length).flatMap((v) => {
        if (!v) return [];
        const e = AccessLogEntry.decode(v);
        return [[e.id, e.patient, e.reader, e.recordId, enumLabel(Purpose, e.purpose, "PURPOSE_"), e.grantId, e.vault, e.height, toDate(e.time)]];
      });
      await insertRows(tx, "ChainAccessLogEntry", ENTRY_COLUMNS, entryRows, updateAllBut(["id"], ENTRY_COLUMNS));
    };
  },
};
