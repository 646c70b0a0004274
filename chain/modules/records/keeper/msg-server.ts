import { MsgAnchorRecord, MsgAnchorRecordResponse } from "@precision/proto";
import type { Context } from "../../../runtime/context/context.js";
import { blockTimestamp, messageSchema, requireAccountAddress, respond } from "../../../runtime/module/kit.js";
import type { MsgRoute } from "../../../runtime/router/msg-router.js";
import { RecordsErrors } from "../types/errors.js";
import { recordsEvents } from "../types/events.js";
import type { AccessKeeper, IdentityKeeper } from "../types/expected-keepers.js";
import { MODULE_NAME } from "../types/keys.js";
import { AUTHOR_ORGANIZATION_TYPES, AUTHOR_ROLES, ORGANIZATION_RECIPIENT_PREFIX } from "../types/params.js";
import { validateCiphertext, validateKeys, validateRecordClass, validateRecordId, validateResourceType } from "../types/validation.js";
import type { RecordsKeeper } from "./keeper.js";

function validateAnchor(msg: MsgAnchorRecord): void {
  validateRecordId(msg.id);
  requireAccountAddress(msg.patient, "patient");
  validateResourceType(msg.resourceType);
  validateRecordClass(msg.recordClass);
  validateCiphertext(msg.ciphertextSha256, msg.ciphertextSize, msg.vaultLocator);
  if (msg.amends !== "" && msg.supersedes !== "") throw RecordsErrors.invalidLink.wrap("a record amends or supersedes another, not both");
  for (const [field, link] of [["amends", msg.amends], ["supersedes", msg.supersedes]] as const) {
    if (link === "") continue;
    validateRecordId(link, field);
    if (link === msg.id) throw RecordsErrors.invalidLink.wrap(`a record cannot ${field} itself`);
  }
}

/**
 * The author may write for the patient: the patient themself, or an active member with a clinical
 * role of an active provider, lab or pharmacy that the patient has a live treatment grant with.
 */
function assertMayAuthor(ctx: Context, identity: IdentityKeeper, access: AccessKeeper, msg: MsgAnchorRecord, author: string, patient: string): void {
  if (author === patient && msg.authorOrganizationId === "") return;
  const orgId = msg.authorOrganizationId;
  if (orgId === "") throw RecordsErrors.unauthorized.wrap("only the patient may anchor a record without an author organization");
  const org = identity.getOrganization(ctx, orgId);
  if (org === undefined || !org.active) throw RecordsErrors.unauthorized.wrap(`organization ${orgId} is not an active organization`);
  if (!AUTHOR_ORGANIZATION_TYPES.includes(org.type)) throw RecordsErrors.unauthorized.wrap(`organization ${orgId} is not a provider, lab or pharmacy`);
  const member = identity.getMember(ctx, orgId, author);
  if (member === undefined || !member.active) throw RecordsErrors.unauthorized.wrap(`${author} is not an active member of ${orgId}`);
  if (!member.roles.some((r) => AUTHOR_ROLES.includes(r))) throw RecordsErrors.unauthorized.wrap(`${author} has no clinical role in ${orgId}`);
  if (!access.hasTreatmentRelationship(ctx, patient, author, orgId, msg.recordClass)) {
    throw RecordsErrors.noTreatmentRelationship.wrap(`${patient} has no live TREAT or ETREAT grant to ${author} or ${orgId} that covers this class`);
  }
}

export function recordsMsgRoutes(keeper: RecordsKeeper, identity: IdentityKeeper, access: AccessKeeper): MsgRoute[] {
  const anchor: MsgRoute<MsgAnchorRecord> = {
    typeUrl: `/${MsgAnchorRecord.$type}`,
    module: MODULE_NAME,
    signerField: "author",
    schema: messageSchema(MsgAnchorRecord),
    decode: (bytes) => MsgAnchorRecord.decode(bytes),
    validateBasic: validateAnchor,
    handle(ctx, msg) {
      validateAnchor(msg);
      const author = requireAccountAddress(msg.author, "author");
      const patient = requireAccountAddress(msg.patient, "patient");
      if (keeper.getRecord(ctx, msg.id) !== undefined) throw RecordsErrors.recordAlreadyExists.wrap(`record ${msg.id}`);
      assertMayAuthor(ctx, identity, access, msg, author, patient);
      for (const link of [msg.amends, msg.supersedes]) {
        if (link === "") continue;
        const target = keeper.getRecord(ctx, link);
        if (target === undefined) throw RecordsErrors.invalidLink.wrap(`record ${link} does not exist`);
        if (target.patient !== patient) throw RecordsErrors.invalidLink.wrap(`record ${link} belongs to another patient`);
        if (target.supersededBy !== "") throw RecordsErrors.invalidLink.wrap(`record ${link} is already superseded by ${target.supersededBy}`);
      }
      const required = msg.authorOrganizationId === "" ? [patient] : [patient, `${ORGANIZATION_RECIPIENT_PREFIX}${msg.authorOrganizationId}`];
      const keys = validateKeys(msg.keys, required);
      keeper.addRecord(ctx, {
        id: msg.id,
        patient,
        authorOrganizationId: msg.authorOrganizationId,
        author,
        resourceType: msg.resourceType,
        recordClass: msg.recordClass,
        ciphertextSha256: msg.ciphertextSha256,
        ciphertextSize: msg.ciphertextSize,
        vaultLocator: msg.vaultLocator,
        amends: msg.amends,
        supersedes: msg.supersedes,
        supersededBy: "",
        keys,
        height: BigInt(ctx.blockHeight),
        time: blockTimestamp(ctx),
      });
      if (msg.supersedes !== "") keeper.markSuperseded(ctx, msg.supersedes, msg.id);
      ctx.eventManager.emitEvent(
        recordsEvents.recordAnchored({
          recordId: msg.id,
          patient,
          author,
          authorOrganizationId: msg.authorOrganizationId,
          resourceType: msg.resourceType,
          recordClass: msg.recordClass,
          amends: msg.amends,
          supersedes: msg.supersedes,
        }),
      );
      return respond(MsgAnchorRecordResponse, { id: msg.id });
    },
  };
  return [anchor as MsgRoute];
}
