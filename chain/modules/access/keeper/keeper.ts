import type { PageRequest } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";
import {
  AccessLogEntry,
  EmergencyRule,
  Grant,
  GrantKind,
  Params,
  Purpose,
  type AnchoredRecord,
  type GrantKey,
  type RecordClass,
  type Scope,
} from "@precision/proto";
import type { Context } from "../../../runtime/context/context.js";
import { blockTimestamp, readU64, u64Key } from "../../../runtime/module/kit.js";
import { paginate, type Page } from "../../../runtime/query/pagination.js";
import { prefixEnd } from "../../../runtime/store/bytes.js";
import type { KVStore } from "../../../runtime/store/types.js";
import { AccessErrors } from "../types/errors.js";
import type { IdentityKeeper, RecordsKeeper } from "../types/expected-keepers.js";
import {
  entriesOfPatientPrefix,
  entryKey,
  ENTRY_PREFIX,
  grantKey,
  granteeGrantKey,
  grantsOfPatientPrefix,
  grantsToGranteeFromPatientPrefix,
  grantsToGranteePrefix,
  GRANT_PREFIX,
  NEXT_ENTRY_ID_KEY,
  NEXT_GRANT_ID_KEY,
  NEXT_RULE_ID_KEY,
  organizationGrantee,
  PARAMS_KEY,
  patientEntryKey,
  patientGrantKey,
  patientRuleKey,
  ruleKey,
  rulesOfPatientPrefix,
  RULE_PREFIX,
  STORE_KEY,
} from "../types/keys.js";
import { defaultParams, PURPOSE_ROLES, TREATMENT_PURPOSES } from "../types/params.js";

const EMPTY = new Uint8Array();

export type GrantStatus = "live" | "revoked" | "expired" | "not_yet_valid";

/** The outcome of "may reader X read record Y now" (QueryCanReadResponse without the proto). */
export interface ReadDecision {
  readonly allowed: boolean;
  readonly grantId: bigint;
  readonly purpose: Purpose;
  readonly reason: string;
  readonly wrappedKey: Uint8Array;
  readonly patient: string;
}

/** Why a read is refused, most telling first: a grant that was revoked beats one that expired... */
const DENIAL_ORDER = ["revoked", "expired", "not_yet_valid", "role_not_permitted", "out_of_scope", "no_grant"] as const;

export function grantStatus(grant: Grant, nowSeconds: bigint): GrantStatus {
  if (grant.revoked) return "revoked";
  if (nowSeconds < (grant.start?.seconds ?? 0n)) return "not_yet_valid";
  if (nowSeconds >= (grant.end?.seconds ?? 0n)) return "expired";
  return "live";
}

export function scopeCovers(scope: Scope | undefined, record: AnchoredRecord): boolean {
  if (scope === undefined) return false;
  if (scope.recordsFrom !== undefined && (record.time?.seconds ?? 0n) < scope.recordsFrom.seconds) return false;
  return scope.all || scope.classes.includes(record.recordClass) || scope.recordIds.includes(record.id);
}

/** The only writer of "access/". Identity and records are read through expected keepers. */
export class AccessKeeper {
  constructor(
    private readonly identity: IdentityKeeper,
    private readonly records: RecordsKeeper,
  ) {}

  private store(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  getParams(ctx: Context): Params {
    const bytes = this.store(ctx).get(PARAMS_KEY);
    return bytes === undefined ? defaultParams() : Params.decode(bytes);
  }

  setParams(ctx: Context, params: Params): void {
    this.store(ctx).set(PARAMS_KEY, Params.encode(params).finish());
  }

  private nextId(ctx: Context, key: Uint8Array): bigint {
    const store = this.store(ctx);
    const bytes = store.get(key);
    const id = bytes === undefined ? 1n : readU64(bytes);
    store.set(key, u64Key(id + 1n));
    return id;
  }

  peekNextIds(ctx: Context): { grant: bigint; rule: bigint; entry: bigint } {
    const read = (key: Uint8Array) => {
      const bytes = this.store(ctx).get(key);
      return bytes === undefined ? 1n : readU64(bytes);
    };
    return { grant: read(NEXT_GRANT_ID_KEY), rule: read(NEXT_RULE_ID_KEY), entry: read(NEXT_ENTRY_ID_KEY) };
  }

  setNextIds(ctx: Context, ids: { grant: bigint; rule: bigint; entry: bigint }): void {
    const store = this.store(ctx);
    store.set(NEXT_GRANT_ID_KEY, u64Key(ids.grant));
    store.set(NEXT_RULE_ID_KEY, u64Key(ids.rule));
    store.set(NEXT_ENTRY_ID_KEY, u64Key(ids.entry));
  }

  // ---- grants ----

  getGrant(ctx: Context, id: bigint): Grant | undefined {
    const bytes = this.store(ctx).get(grantKey(id));
    return bytes === undefined ? undefined : Grant.decode(bytes);
  }

  requireGrant(ctx: Context, id: bigint): Grant {
    const grant = this.getGrant(ctx, id);
    if (grant === undefined) throw AccessErrors.grantNotFound.wrap(`grant ${id}`);
    return grant;
  }

  /** Stores a grant under a fresh id (id 0 in `grant`) and indexes it. */
  createGrant(ctx: Context, grant: Omit<Grant, "id" | "createdHeight" | "createdTime">): Grant {
    const stored: Grant = { ...grant, id: this.nextId(ctx, NEXT_GRANT_ID_KEY), createdHeight: BigInt(ctx.blockHeight), createdTime: blockTimestamp(ctx) };
    this.putGrant(ctx, stored);
    return stored;
  }

  /** Writes a grant and its indexes (the indexes never change after creation). */
  putGrant(ctx: Context, grant: Grant): void {
    const store = this.store(ctx);
    store.set(grantKey(grant.id), Grant.encode(grant).finish());
    store.set(patientGrantKey(grant.patient, grant.id), EMPTY);
    store.set(granteeGrantKey(granteeOf(grant), grant.patient, grant.id), EMPTY);
  }

  updateGrant(ctx: Context, grant: Grant): void {
    this.store(ctx).set(grantKey(grant.id), Grant.encode(grant).finish());
  }

  listGrantsByPatient(ctx: Context, patient: string, page?: PageRequest): Page<Grant> {
    return paginate(this.store(ctx), grantsOfPatientPrefix(patient), page, (suffix) => this.getGrant(ctx, ~readU64(suffix) & ((1n << 64n) - 1n)));
  }

  private grantIdsTo(ctx: Context, prefix: Uint8Array): bigint[] {
    return [...this.store(ctx).iterator(prefix, prefixEnd(prefix))].map(([key]) => readU64(key.subarray(key.length - 8)));
  }

  /** The grantee keys a reader acts as: their account, and each organisation they actively belong to. */
  readerIdentities(ctx: Context, reader: string): string[] {
    const out = [reader];
    for (const member of this.identity.membershipsOf(ctx, reader)) {
      if (!member.active) continue;
      const org = this.identity.getOrganization(ctx, member.organizationId);
      if (org?.active) out.push(organizationGrantee(member.organizationId));
    }
    return out;
  }

  /** Grants to the reader or their organisations, from one patient or (patient "") from anyone. */
  grantsToReader(ctx: Context, reader: string, patient = ""): Grant[] {
    const grants: Grant[] = [];
    for (const grantee of this.readerIdentities(ctx, reader)) {
      const prefix = patient === "" ? grantsToGranteePrefix(grantee) : grantsToGranteeFromPatientPrefix(grantee, patient);
      for (const id of this.grantIdsTo(ctx, prefix)) grants.push(this.requireGrant(ctx, id));
    }
    return grants.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * records' treatment relationship: a live TREAT/ETREAT grant from the patient to the author or
   * their organisation that covers the class for new records (all, or the class listed).
   */
  hasTreatmentRelationship(ctx: Context, patient: string, author: string, organizationId: string, recordClass: RecordClass): boolean {
    const now = ctx.blockTime.seconds;
    for (const grantee of [author, organizationGrantee(organizationId)]) {
      for (const id of this.grantIdsTo(ctx, grantsToGranteeFromPatientPrefix(grantee, patient))) {
        const grant = this.requireGrant(ctx, id);
        if (grantStatus(grant, now) !== "live" || !TREATMENT_PURPOSES.includes(grant.purpose)) continue;
        if (grant.scope?.all || grant.scope?.classes.includes(recordClass)) return true;
      }
    }
    return false;
  }

  /** Whether `reader` may read `recordId` at this block, under what, and with which wrapped key. */
  canRead(ctx: Context, reader: string, recordId: string): ReadDecision {
    const record = this.records.getRecord(ctx, recordId);
    const deny = (reason: string, patient = ""): ReadDecision => ({ allowed: false, grantId: 0n, purpose: Purpose.PURPOSE_UNSPECIFIED, reason, wrappedKey: EMPTY, patient });
    if (record === undefined) return deny("record_not_found");
    const keyFor = (recipient: string) => record.keys.find((k) => k.recipient === recipient)?.wrappedKey ?? EMPTY;
    if (reader === record.patient) {
      return { allowed: true, grantId: 0n, purpose: Purpose.PURPOSE_PATRQT, reason: "", wrappedKey: keyFor(reader), patient: record.patient };
    }
    const identities = this.readerIdentities(ctx, reader);
    // The organisation that wrote the record keeps it, as its own chart does.
    const authorOrg = record.authorOrganizationId === "" ? "" : organizationGrantee(record.authorOrganizationId);
    if (authorOrg !== "" && identities.includes(authorOrg)) {
      return { allowed: true, grantId: 0n, purpose: Purpose.PURPOSE_TREAT, reason: "", wrappedKey: keyFor(authorOrg), patient: record.patient };
    }
    const now = ctx.blockTime.seconds;
    let denial: (typeof DENIAL_ORDER)[number] = "no_grant";
    for (const grant of this.grantsToReader(ctx, reader, record.patient)) {
      const status = grantStatus(grant, now);
      const covers = scopeCovers(grant.scope, record);
      if (status === "live" && covers && !this.roleReadsUnder(ctx, reader, grant)) {
        if (DENIAL_ORDER.indexOf("role_not_permitted") < DENIAL_ORDER.indexOf(denial)) denial = "role_not_permitted";
        continue;
      }
      if (status === "live" && covers) {
        const key = grant.keys.find((k) => k.recordId === record.id)?.wrappedKey ?? EMPTY;
        return { allowed: true, grantId: grant.id, purpose: grant.purpose, reason: "", wrappedKey: key, patient: record.patient };
      }
      const why = status === "live" ? "out_of_scope" : covers ? status : "out_of_scope";
      if (DENIAL_ORDER.indexOf(why) < DENIAL_ORDER.indexOf(denial)) denial = why;
    }
    return deny(denial, record.patient);
  }

  /** A grant to a person is theirs; under a grant to an organisation, a member reads only in a role its purpose calls for. */
  private roleReadsUnder(ctx: Context, reader: string, grant: Grant): boolean {
    if (grant.granteeOrganizationId === "") return true;
    const roles = PURPOSE_ROLES.get(grant.purpose) ?? [];
    const member = this.identity.getMember(ctx, grant.granteeOrganizationId, reader);
    return member !== undefined && member.active && member.roles.some((r) => roles.includes(r));
  }

  /** Merges keys into a grant, one per record (a later key for the same record replaces it). */
  static mergeKeys(existing: readonly GrantKey[], added: readonly GrantKey[]): GrantKey[] {
    const byRecord = new Map(existing.map((k) => [k.recordId, k]));
    for (const k of added) byRecord.set(k.recordId, k);
    return [...byRecord.values()].sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
  }

  // ---- emergency rules ----

  getRule(ctx: Context, id: bigint): EmergencyRule | undefined {
    const bytes = this.store(ctx).get(ruleKey(id));
    return bytes === undefined ? undefined : EmergencyRule.decode(bytes);
  }

  putRule(ctx: Context, rule: EmergencyRule): void {
    const store = this.store(ctx);
    store.set(ruleKey(rule.id), EmergencyRule.encode(rule).finish());
    store.set(patientRuleKey(rule.patient, rule.id), EMPTY);
  }

  createRule(ctx: Context, rule: Omit<EmergencyRule, "id" | "createdHeight">): EmergencyRule {
    const stored: EmergencyRule = { ...rule, id: this.nextId(ctx, NEXT_RULE_ID_KEY), createdHeight: BigInt(ctx.blockHeight) };
    this.putRule(ctx, stored);
    return stored;
  }

  rulesOf(ctx: Context, patient: string): EmergencyRule[] {
    return this.grantIdsTo(ctx, rulesOfPatientPrefix(patient)).map((id) => this.getRule(ctx, id)!);
  }

  /**
   * For the alerts module: opens one ETREAT grant per active rule of the patient whose trigger is
   * `code`, covering the rule's classes over its look-back, for its duration.
   */
  openEmergencyGrants(ctx: Context, patient: string, code: string, alertId: string, createdBy: string): Grant[] {
    const now = ctx.blockTime.seconds;
    const opened: Grant[] = [];
    for (const rule of this.rulesOf(ctx, patient)) {
      if (!rule.active || rule.triggerCode !== code) continue;
      const scope: Scope = { all: rule.classes.length === 0, classes: rule.classes, recordIds: [], recordsFrom: { seconds: now - rule.lookBackSeconds, nanos: 0 } };
      // The keys the patient escrowed with the rule, for the records the opened grant covers.
      const keys = rule.keys.filter((k) => {
        const record = this.records.getRecord(ctx, k.recordId);
        return record !== undefined && scopeCovers(scope, record);
      });
      opened.push(
        this.createGrant(ctx, {
          patient,
          grantee: rule.grantee,
          granteeOrganizationId: rule.granteeOrganizationId,
          kind: GrantKind.GRANT_KIND_EMERGENCY,
          scope,
          purpose: Purpose.PURPOSE_ETREAT,
          start: { seconds: now, nanos: 0 },
          end: { seconds: now + rule.durationSeconds, nanos: 0 },
          reason: code,
          ruleId: rule.id,
          alertId,
          organizationId: "",
          createdBy,
          revoked: false,
          revokedHeight: 0n,
          revokedTime: undefined,
          keys,
        }),
      );
    }
    return opened;
  }

  // ---- access log ----

  appendEntry(ctx: Context, entry: Omit<AccessLogEntry, "id" | "height" | "time">): AccessLogEntry {
    const stored: AccessLogEntry = { ...entry, id: this.nextId(ctx, NEXT_ENTRY_ID_KEY), height: BigInt(ctx.blockHeight), time: blockTimestamp(ctx) };
    this.putEntry(ctx, stored);
    return stored;
  }

  putEntry(ctx: Context, entry: AccessLogEntry): void {
    const store = this.store(ctx);
    store.set(entryKey(entry.id), AccessLogEntry.encode(entry).finish());
    store.set(patientEntryKey(entry.patient, entry.id), EMPTY);
  }

  listAccessLog(ctx: Context, patient: string, page?: PageRequest): Page<AccessLogEntry> {
    return paginate(this.store(ctx), entriesOfPatientPrefix(patient), page, (suffix) => {
      const bytes = this.store(ctx).get(entryKey(~readU64(suffix) & ((1n << 64n) - 1n)));
      return bytes === undefined ? undefined : AccessLogEntry.decode(bytes);
    });
  }

  // ---- genesis export ----

  private all<T>(ctx: Context, prefix: Uint8Array, decode: (b: Uint8Array) => T): T[] {
    return [...this.store(ctx).iterator(prefix, prefixEnd(prefix))].map(([, v]) => decode(v));
  }

  allGrants(ctx: Context): Grant[] {
    return this.all(ctx, GRANT_PREFIX, (b) => Grant.decode(b));
  }

  allRules(ctx: Context): EmergencyRule[] {
    return this.all(ctx, RULE_PREFIX, (b) => EmergencyRule.decode(b));
  }

  allEntries(ctx: Context): AccessLogEntry[] {
    return this.all(ctx, ENTRY_PREFIX, (b) => AccessLogEntry.decode(b));
  }
}

/** The grantee index key of a grant: the account, or "org:<id>". */
export function granteeOf(grant: Pick<Grant, "grantee" | "granteeOrganizationId">): string {
  return grant.grantee !== "" ? grant.grantee : organizationGrantee(grant.granteeOrganizationId);
}
