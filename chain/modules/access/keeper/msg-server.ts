import {
  GrantKind,
  MsgAddEmergencyRuleKeys,
  MsgAddEmergencyRuleKeysResponse,
  MsgAddGrantKeys,
  MsgAddGrantKeysResponse,
  MsgBreakGlass,
  MsgBreakGlassResponse,
  MsgGrantAccess,
  MsgGrantAccessResponse,
  MsgLogAccess,
  MsgLogAccessResponse,
  MsgReleaseGrantKeys,
  MsgReleaseGrantKeysResponse,
  MsgRemoveEmergencyRule,
  MsgRemoveEmergencyRuleResponse,
  MsgRevokeAccess,
  MsgRevokeAccessResponse,
  MsgSetEmergencyRule,
  MsgSetEmergencyRuleResponse,
  MsgUpdateParams,
  MsgUpdateParamsResponse,
  OrganizationType,
  Purpose,
  Role,
  type GrantKey,
  type Scope,
} from "@precision/proto";
import type { Context } from "../../../runtime/context/context.js";
import { blockTimestamp, messageSchema, requireAccountAddress, respond } from "../../../runtime/module/kit.js";
import type { MsgResult, MsgRoute } from "../../../runtime/router/msg-router.js";
import { AccessErrors } from "../types/errors.js";
import { accessEvents } from "../types/events.js";
import type { IdentityKeeper, RecordsKeeper } from "../types/expected-keepers.js";
import { MODULE_NAME } from "../types/keys.js";
import { BREAK_GLASS_REASONS, MAX_LOOK_BACK_SECONDS, MAX_RULES_PER_PATIENT, validateParams } from "../types/params.js";
import { validateClasses, validateGrantablePurpose, validateGrantee, validateGrantKeys, validateScope, validateTriggerCode } from "../types/validation.js";
import { AccessKeeper, grantStatus, scopeCovers } from "./keeper.js";

interface MessageType<M> {
  readonly $type: string;
  decode(bytes: Uint8Array): M;
}

function route<M>(type: MessageType<M>, signerField: string, validateBasic: (msg: M) => void, handle: (ctx: Context, msg: M) => MsgResult): MsgRoute<M> {
  return {
    typeUrl: `/${type.$type}`,
    module: MODULE_NAME,
    signerField,
    schema: messageSchema(type),
    decode: (bytes) => type.decode(bytes),
    validateBasic,
    handle(ctx, msg) {
      validateBasic(msg);
      return handle(ctx, msg);
    },
  };
}

/** The patient's own grant, or unauthorized; any grant of theirs, live or not. */
function patientGrant(keeper: AccessKeeper, ctx: Context, patient: string, grantId: bigint) {
  const grant = keeper.requireGrant(ctx, grantId);
  if (grant.patient !== patient) throw AccessErrors.unauthorized.wrap(`grant ${grantId} is not ${patient}'s`);
  return grant;
}

/** Keys name records of this patient. */
function checkKeyRecords(ctx: Context, records: RecordsKeeper, patient: string, keys: readonly GrantKey[]): void {
  for (const key of keys) {
    const record = records.getRecord(ctx, key.recordId);
    if (record === undefined) throw AccessErrors.recordNotFound.wrap(`record ${key.recordId}`);
    if (record.patient !== patient) throw AccessErrors.invalidKey.wrap(`record ${key.recordId} is another patient's`);
  }
}

function checkOrganizationGrantee(ctx: Context, identity: IdentityKeeper, organizationId: string): void {
  if (organizationId === "") return;
  const org = identity.getOrganization(ctx, organizationId);
  if (org === undefined || !org.active) throw AccessErrors.invalidGrantee.wrap(`organization ${organizationId} is not an active organization`);
}

export function accessMsgRoutes(keeper: AccessKeeper, identity: IdentityKeeper, records: RecordsKeeper): MsgRoute[] {
  const routes = [
    route(MsgGrantAccess, "patient", (msg) => {
      const patient = requireAccountAddress(msg.patient, "patient");
      validateGrantee(patient, msg.grantee, msg.granteeOrganizationId);
      validateScope(msg.scope);
      validateGrantablePurpose(msg.purpose);
      validateGrantKeys(msg.keys);
      if (msg.end === undefined) throw AccessErrors.invalidPeriod.wrap("a grant needs an end");
    }, (ctx, msg) => {
      const patient = requireAccountAddress(msg.patient, "patient");
      const { grantee, organizationId } = validateGrantee(patient, msg.grantee, msg.granteeOrganizationId);
      checkOrganizationGrantee(ctx, identity, organizationId);
      const now = ctx.blockTime.seconds;
      const start = msg.start?.seconds ?? now;
      const end = msg.end!.seconds;
      const max = keeper.getParams(ctx).maxGrantSeconds;
      if (start < now) throw AccessErrors.invalidPeriod.wrap(`start ${start} is before the block time ${now}`);
      if (end <= start) throw AccessErrors.invalidPeriod.wrap(`end ${end} is not after start ${start}`);
      if (end - start > max) throw AccessErrors.invalidPeriod.wrap(`a grant lasts at most ${max} seconds`);
      const scope = validateScope(msg.scope);
      for (const id of scope.recordIds) {
        const record = records.getRecord(ctx, id);
        if (record === undefined || record.patient !== patient) throw AccessErrors.invalidScope.wrap(`record ${id} is not one of ${patient}'s records`);
      }
      checkKeyRecords(ctx, records, patient, msg.keys);
      const grant = keeper.createGrant(ctx, {
        patient,
        grantee,
        granteeOrganizationId: organizationId,
        kind: GrantKind.GRANT_KIND_CONSENT,
        scope,
        purpose: msg.purpose,
        start: { seconds: start, nanos: 0 },
        end: { seconds: end, nanos: 0 },
        reason: "",
        ruleId: 0n,
        alertId: "",
        organizationId: "",
        createdBy: patient,
        revoked: false,
        revokedHeight: 0n,
        revokedTime: undefined,
        keys: AccessKeeper.mergeKeys([], msg.keys),
      });
      ctx.eventManager.emitEvent(accessEvents.accessGranted({ grantId: grant.id, patient, grantee, granteeOrganizationId: organizationId, kind: grant.kind, purpose: grant.purpose }));
      return respond(MsgGrantAccessResponse, { grantId: grant.id });
    }),

    route(MsgRevokeAccess, "patient", (msg) => {
      requireAccountAddress(msg.patient, "patient");
    }, (ctx, msg) => {
      const patient = requireAccountAddress(msg.patient, "patient");
      const grant = patientGrant(keeper, ctx, patient, msg.grantId);
      const status = grantStatus(grant, ctx.blockTime.seconds);
      if (status === "revoked" || status === "expired") throw AccessErrors.grantNotLive.wrap(`grant ${grant.id} is already ${status}`);
      keeper.updateGrant(ctx, { ...grant, revoked: true, revokedHeight: BigInt(ctx.blockHeight), revokedTime: blockTimestamp(ctx) });
      ctx.eventManager.emitEvent(accessEvents.accessRevoked({ grantId: grant.id, patient }));
      return respond(MsgRevokeAccessResponse, {});
    }),

    route(MsgAddGrantKeys, "patient", (msg) => {
      requireAccountAddress(msg.patient, "patient");
      if (msg.keys.length === 0) throw AccessErrors.invalidKey.wrap("no keys to add");
      validateGrantKeys(msg.keys);
    }, (ctx, msg) => {
      const patient = requireAccountAddress(msg.patient, "patient");
      const grant = patientGrant(keeper, ctx, patient, msg.grantId);
      const status = grantStatus(grant, ctx.blockTime.seconds);
      if (status === "revoked" || status === "expired") throw AccessErrors.grantNotLive.wrap(`grant ${grant.id} is ${status}`);
      checkKeyRecords(ctx, records, patient, msg.keys);
      keeper.updateGrant(ctx, { ...grant, keys: AccessKeeper.mergeKeys(grant.keys, msg.keys) });
      ctx.eventManager.emitEvent(accessEvents.grantKeysAdded({ grantId: grant.id, patient, count: msg.keys.length }));
      return respond(MsgAddGrantKeysResponse, {});
    }),

    route(MsgReleaseGrantKeys, "releaser", (msg) => {
      requireAccountAddress(msg.releaser, "releaser");
      if (msg.organizationId === "") throw AccessErrors.invalidField.wrap("organization_id must not be empty");
      if (msg.keys.length === 0) throw AccessErrors.invalidKey.wrap("no keys to release");
      validateGrantKeys(msg.keys);
    }, (ctx, msg) => {
      const releaser = requireAccountAddress(msg.releaser, "releaser");
      const org = identity.getOrganization(ctx, msg.organizationId);
      const member = identity.getMember(ctx, msg.organizationId, releaser);
      if (org === undefined || !org.active || member === undefined || !member.active) {
        throw AccessErrors.notAMember.wrap(`${releaser} is not an active member of ${msg.organizationId}`);
      }
      const grant = keeper.requireGrant(ctx, msg.grantId);
      const status = grantStatus(grant, ctx.blockTime.seconds);
      if (status !== "live") throw AccessErrors.grantNotLive.wrap(`grant ${grant.id} is ${status}`);
      for (const key of msg.keys) {
        const record = records.getRecord(ctx, key.recordId);
        if (record === undefined) throw AccessErrors.recordNotFound.wrap(`record ${key.recordId}`);
        if (record.patient !== grant.patient) throw AccessErrors.invalidKey.wrap(`record ${key.recordId} is not the grant's patient's`);
        if (record.authorOrganizationId !== msg.organizationId) throw AccessErrors.unauthorized.wrap(`record ${key.recordId} was not written by ${msg.organizationId}`);
        if (!scopeCovers(grant.scope, record)) throw AccessErrors.invalidScope.wrap(`grant ${grant.id} does not cover record ${key.recordId}`);
      }
      keeper.updateGrant(ctx, { ...grant, keys: AccessKeeper.mergeKeys(grant.keys, msg.keys) });
      ctx.eventManager.emitEvent(accessEvents.grantKeysReleased({ grantId: grant.id, patient: grant.patient, organizationId: msg.organizationId, releaser, count: msg.keys.length }));
      return respond(MsgReleaseGrantKeysResponse, {});
    }),

    route(MsgSetEmergencyRule, "patient", (msg) => {
      const patient = requireAccountAddress(msg.patient, "patient");
      validateTriggerCode(msg.triggerCode);
      validateGrantee(patient, msg.grantee, msg.granteeOrganizationId);
      validateClasses(msg.classes);
      validateGrantKeys(msg.keys);
    }, (ctx, msg) => {
      const patient = requireAccountAddress(msg.patient, "patient");
      const { grantee, organizationId } = validateGrantee(patient, msg.grantee, msg.granteeOrganizationId);
      checkOrganizationGrantee(ctx, identity, organizationId);
      checkKeyRecords(ctx, records, patient, msg.keys);
      const max = keeper.getParams(ctx).maxEmergencySeconds;
      if (msg.durationSeconds <= 0n || msg.durationSeconds > max) throw AccessErrors.invalidRule.wrap(`duration must be 1-${max} seconds`);
      if (msg.lookBackSeconds < 0n || msg.lookBackSeconds > MAX_LOOK_BACK_SECONDS) throw AccessErrors.invalidRule.wrap(`look-back must be 0-${MAX_LOOK_BACK_SECONDS} seconds`);
      if (keeper.rulesOf(ctx, patient).filter((r) => r.active).length >= MAX_RULES_PER_PATIENT) {
        throw AccessErrors.invalidRule.wrap(`at most ${MAX_RULES_PER_PATIENT} active rules per patient`);
      }
      const rule = keeper.createRule(ctx, {
        patient,
        triggerCode: msg.triggerCode,
        grantee,
        granteeOrganizationId: organizationId,
        classes: [...msg.classes],
        lookBackSeconds: msg.lookBackSeconds,
        durationSeconds: msg.durationSeconds,
        active: true,
        keys: AccessKeeper.mergeKeys([], msg.keys),
      });
      ctx.eventManager.emitEvent(accessEvents.emergencyRuleSet({ ruleId: rule.id, patient, triggerCode: rule.triggerCode }));
      return respond(MsgSetEmergencyRuleResponse, { ruleId: rule.id });
    }),

    route(MsgRemoveEmergencyRule, "patient", (msg) => {
      requireAccountAddress(msg.patient, "patient");
    }, (ctx, msg) => {
      const patient = requireAccountAddress(msg.patient, "patient");
      const rule = keeper.getRule(ctx, msg.ruleId);
      if (rule === undefined) throw AccessErrors.ruleNotFound.wrap(`rule ${msg.ruleId}`);
      if (rule.patient !== patient) throw AccessErrors.unauthorized.wrap(`rule ${msg.ruleId} is not ${patient}'s`);
      if (!rule.active) throw AccessErrors.ruleNotFound.wrap(`rule ${msg.ruleId} was already removed`);
      keeper.putRule(ctx, { ...rule, active: false });
      ctx.eventManager.emitEvent(accessEvents.emergencyRuleRemoved({ ruleId: rule.id, patient }));
      return respond(MsgRemoveEmergencyRuleResponse, {});
    }),

    route(MsgAddEmergencyRuleKeys, "patient", (msg) => {
      requireAccountAddress(msg.patient, "patient");
      if (msg.keys.length === 0) throw AccessErrors.invalidKey.wrap("no keys to add");
      validateGrantKeys(msg.keys);
    }, (ctx, msg) => {
      const patient = requireAccountAddress(msg.patient, "patient");
      const rule = keeper.getRule(ctx, msg.ruleId);
      if (rule === undefined || !rule.active) throw AccessErrors.ruleNotFound.wrap(`no active rule ${msg.ruleId}`);
      if (rule.patient !== patient) throw AccessErrors.unauthorized.wrap(`rule ${msg.ruleId} is not ${patient}'s`);
      checkKeyRecords(ctx, records, patient, msg.keys);
      // What the opened grant could cover: the rule's classes, back to its look-back from now.
      const reach: Scope = { all: rule.classes.length === 0, classes: rule.classes, recordIds: [], recordsFrom: { seconds: ctx.blockTime.seconds - rule.lookBackSeconds, nanos: 0 } };
      for (const key of msg.keys) {
        if (!scopeCovers(reach, records.getRecord(ctx, key.recordId)!)) throw AccessErrors.invalidScope.wrap(`rule ${rule.id} cannot reach record ${key.recordId}`);
      }
      // Keys of records that fell out of the look-back can never be used again: drop them.
      const kept = AccessKeeper.mergeKeys(rule.keys, msg.keys).filter((k) => {
        const record = records.getRecord(ctx, k.recordId);
        return record !== undefined && scopeCovers(reach, record);
      });
      keeper.putRule(ctx, { ...rule, keys: kept });
      ctx.eventManager.emitEvent(accessEvents.emergencyRuleKeysAdded({ ruleId: rule.id, patient, count: msg.keys.length }));
      return respond(MsgAddEmergencyRuleKeysResponse, {});
    }),

    route(MsgBreakGlass, "clinician", (msg) => {
      const clinician = requireAccountAddress(msg.clinician, "clinician");
      const patient = requireAccountAddress(msg.patient, "patient");
      if (clinician === patient) throw AccessErrors.invalidGrantee.wrap("a patient needs no break-glass for their own records");
      if (!BREAK_GLASS_REASONS.includes(msg.reason)) throw AccessErrors.invalidReason.wrap(`reason must be one of ${BREAK_GLASS_REASONS.join(", ")}`);
    }, (ctx, msg) => {
      const clinician = requireAccountAddress(msg.clinician, "clinician");
      const patient = requireAccountAddress(msg.patient, "patient");
      const org = identity.getOrganization(ctx, msg.organizationId);
      const member = identity.getMember(ctx, msg.organizationId, clinician);
      if (org === undefined || !org.active || org.type !== OrganizationType.ORGANIZATION_TYPE_PROVIDER || member === undefined || !member.active || !member.roles.includes(Role.ROLE_CLINICIAN)) {
        throw AccessErrors.notAClinician.wrap(`${clinician} in ${msg.organizationId || "(no organization)"}`);
      }
      const now = ctx.blockTime.seconds;
      const grant = keeper.createGrant(ctx, {
        patient,
        grantee: clinician,
        granteeOrganizationId: "",
        kind: GrantKind.GRANT_KIND_BREAK_GLASS,
        scope: { all: true, classes: [], recordIds: [], recordsFrom: undefined },
        purpose: Purpose.PURPOSE_ETREAT,
        start: { seconds: now, nanos: 0 },
        end: { seconds: now + keeper.getParams(ctx).breakGlassSeconds, nanos: 0 },
        reason: msg.reason,
        ruleId: 0n,
        alertId: "",
        organizationId: msg.organizationId,
        createdBy: clinician,
        revoked: false,
        revokedHeight: 0n,
        revokedTime: undefined,
        keys: [],
      });
      ctx.eventManager.emitEvent(accessEvents.accessGranted({ grantId: grant.id, patient, grantee: clinician, granteeOrganizationId: "", kind: grant.kind, purpose: grant.purpose }));
      ctx.eventManager.emitEvent(accessEvents.breakGlass({ grantId: grant.id, patient, clinician, organizationId: msg.organizationId, reason: msg.reason }));
      return respond(MsgBreakGlassResponse, { grantId: grant.id });
    }),

    route(MsgLogAccess, "vault", (msg) => {
      requireAccountAddress(msg.vault, "vault");
      requireAccountAddress(msg.reader, "reader");
      if (msg.recordId === "") throw AccessErrors.invalidField.wrap("record_id must not be empty");
    }, (ctx, msg) => {
      const vault = requireAccountAddress(msg.vault, "vault");
      const reader = requireAccountAddress(msg.reader, "reader");
      if (!keeper.getParams(ctx).vaultOperators.includes(vault)) throw AccessErrors.notAVault.wrap(vault);
      const decision = keeper.canRead(ctx, reader, msg.recordId);
      if (decision.reason === "record_not_found") throw AccessErrors.recordNotFound.wrap(`record ${msg.recordId}`);
      if (!decision.allowed) throw AccessErrors.readNotAllowed.wrap(`${reader} may not read ${msg.recordId}: ${decision.reason}`);
      const entry = keeper.appendEntry(ctx, { patient: decision.patient, reader, recordId: msg.recordId, purpose: decision.purpose, grantId: decision.grantId, vault });
      ctx.eventManager.emitEvent(accessEvents.accessLogged({ entryId: entry.id, patient: entry.patient, reader, recordId: entry.recordId, purpose: entry.purpose, grantId: entry.grantId }));
      return respond(MsgLogAccessResponse, { entryId: entry.id, grantId: entry.grantId, purpose: entry.purpose });
    }),

    route(MsgUpdateParams, "authority", (msg) => {
      requireAccountAddress(msg.authority, "authority");
      if (msg.params === undefined) throw AccessErrors.invalidParams.wrap("params must be set");
      validateParams(msg.params);
    }, (ctx, msg) => {
      const authority = requireAccountAddress(msg.authority, "authority");
      const current = keeper.getParams(ctx);
      if (current.authority === "" || current.authority !== authority) throw AccessErrors.unauthorized.wrap(`expected the access authority ${current.authority || "(none)"}, got ${authority}`);
      const params = validateParams(msg.params!);
      if (params.authority === "") throw AccessErrors.invalidParams.wrap("the authority cannot be cleared");
      keeper.setParams(ctx, params);
      ctx.eventManager.emitEvent(accessEvents.paramsUpdated({ authority: params.authority }));
      return respond(MsgUpdateParamsResponse, {});
    }),
  ];
  return routes as MsgRoute[];
}
