import {
  DeviceKind,
  MsgAddMember,
  MsgAddMemberResponse,
  MsgDeactivateDevice,
  MsgDeactivateDeviceResponse,
  MsgDeactivateOrganization,
  MsgDeactivateOrganizationResponse,
  MsgRegisterDevice,
  MsgRegisterDeviceResponse,
  MsgRegisterOrganization,
  MsgRegisterOrganizationResponse,
  MsgRemoveMember,
  MsgRemoveMemberResponse,
  MsgUpdateAuthority,
  MsgUpdateAuthorityResponse,
  MsgUpdateMember,
  MsgUpdateMemberResponse,
  MsgUpdateOrganization,
  MsgUpdateOrganizationResponse,
  OrganizationType,
} from "@precision/proto";
import type { Context } from "../../../runtime/context/context.js";
import type { MsgResult, MsgRoute } from "../../../runtime/router/msg-router.js";
import { IdentityErrors } from "../types/errors.js";
import { identityEvents } from "../types/events.js";
import { MODULE_NAME } from "../types/keys.js";
import { MAX_MODEL_LENGTH, MAX_REASON_LENGTH, MAX_TITLE_LENGTH } from "../types/params.js";
import {
  identifierEntries,
  requireAccountAddress,
  validateCompressedKey,
  validateDeviceId,
  validateDeviceKind,
  validateName,
  validateOrganizationId,
  validateOrganizationType,
  validateRoles,
  validateText,
} from "../types/validation.js";
import { blockTimestamp, messageSchema } from "../../../runtime/module/kit.js";
import type { IdentityKeeper } from "./keeper.js";

interface MessageType<M> {
  readonly $type: string;
  decode(bytes: Uint8Array): M;
}

interface ResponseType {
  readonly $type: string;
  encode(message: object): { finish(): Uint8Array };
}

function respond(type: ResponseType): MsgResult {
  return { response: { typeUrl: `/${type.$type}`, value: type.encode({}).finish() } };
}

/** Every identity message is signed by `authority`; the handler checks it is the current one. */
function route<M extends { authority: string }>(
  keeper: IdentityKeeper,
  type: MessageType<M>,
  response: ResponseType,
  validateBasic: (msg: M) => void,
  execute: (ctx: Context, msg: M) => void,
): MsgRoute<M> {
  return {
    typeUrl: `/${type.$type}`,
    module: MODULE_NAME,
    signerField: "authority",
    schema: messageSchema(type),
    decode: (bytes) => type.decode(bytes),
    validateBasic,
    handle(ctx, msg) {
      keeper.assertAuthority(ctx, requireAccountAddress(msg.authority, "authority"));
      validateBasic(msg);
      execute(ctx, msg);
      return respond(response);
    },
  };
}

function validateOrganizationFields(msg: { name: string; encryptionPublicKey: Uint8Array; identifiers?: MsgRegisterOrganization["identifiers"] }): void {
  validateName(msg.name);
  identifierEntries(msg.identifiers);
  if (msg.encryptionPublicKey.length > 0) validateCompressedKey(msg.encryptionPublicKey, IdentityErrors.invalidPublicKey, "encryption public key");
}

export function identityMsgRoutes(keeper: IdentityKeeper): MsgRoute[] {
  const routes = [
    route(keeper, MsgRegisterOrganization, MsgRegisterOrganizationResponse, (msg) => {
      validateOrganizationId(msg.id);
      validateOrganizationType(msg.type);
      validateOrganizationFields(msg);
    }, (ctx, msg) => {
      if (keeper.getOrganization(ctx, msg.id) !== undefined) throw IdentityErrors.organizationAlreadyExists.wrap(`organization ${msg.id}`);
      const height = BigInt(ctx.blockHeight);
      keeper.setOrganization(ctx, {
        id: msg.id,
        name: msg.name,
        type: msg.type,
        identifiers: msg.identifiers,
        active: true,
        authorizedTradingPartner: msg.authorizedTradingPartner,
        encryptionPublicKey: msg.encryptionPublicKey,
        registeredHeight: height,
        registeredTime: blockTimestamp(ctx),
        updatedHeight: height,
      });
      ctx.eventManager.emitEvent(identityEvents.organizationRegistered({ organizationId: msg.id, type: msg.type, name: msg.name }));
    }),

    route(keeper, MsgUpdateOrganization, MsgUpdateOrganizationResponse, (msg) => {
      validateOrganizationId(msg.id);
      validateOrganizationFields(msg);
    }, (ctx, msg) => {
      const previous = keeper.requireActiveOrganization(ctx, msg.id);
      keeper.setOrganization(
        ctx,
        {
          ...previous,
          name: msg.name,
          identifiers: msg.identifiers,
          authorizedTradingPartner: msg.authorizedTradingPartner,
          encryptionPublicKey: msg.encryptionPublicKey,
          updatedHeight: BigInt(ctx.blockHeight),
        },
        previous,
      );
      ctx.eventManager.emitEvent(identityEvents.organizationUpdated({ organizationId: msg.id }));
    }),

    route(keeper, MsgDeactivateOrganization, MsgDeactivateOrganizationResponse, (msg) => {
      validateOrganizationId(msg.id);
      validateText("reason", msg.reason, MAX_REASON_LENGTH);
    }, (ctx, msg) => {
      const org = keeper.requireActiveOrganization(ctx, msg.id);
      keeper.setOrganization(ctx, { ...org, active: false, updatedHeight: BigInt(ctx.blockHeight) }, org);
      ctx.eventManager.emitEvent(identityEvents.organizationDeactivated({ organizationId: msg.id, reason: msg.reason }));
    }),

    route(keeper, MsgAddMember, MsgAddMemberResponse, (msg) => {
      validateOrganizationId(msg.organizationId);
      requireAccountAddress(msg.address, "member");
      validateRoles(msg.roles);
      validateText("title", msg.title, MAX_TITLE_LENGTH);
    }, (ctx, msg) => {
      keeper.requireActiveOrganization(ctx, msg.organizationId);
      const address = requireAccountAddress(msg.address, "member");
      const existing = keeper.getMember(ctx, msg.organizationId, address);
      if (existing?.active === true) throw IdentityErrors.memberAlreadyExists.wrap(`${address} in organization ${msg.organizationId}`);
      keeper.setMember(ctx, {
        organizationId: msg.organizationId,
        address,
        roles: msg.roles,
        title: msg.title,
        active: true,
        addedHeight: BigInt(ctx.blockHeight),
        addedTime: blockTimestamp(ctx),
      });
      ctx.eventManager.emitEvent(identityEvents.memberAdded({ organizationId: msg.organizationId, address, roles: msg.roles }));
    }),

    route(keeper, MsgUpdateMember, MsgUpdateMemberResponse, (msg) => {
      validateOrganizationId(msg.organizationId);
      requireAccountAddress(msg.address, "member");
      validateRoles(msg.roles);
      validateText("title", msg.title, MAX_TITLE_LENGTH);
    }, (ctx, msg) => {
      keeper.requireActiveOrganization(ctx, msg.organizationId);
      const address = requireAccountAddress(msg.address, "member");
      const member = keeper.getMember(ctx, msg.organizationId, address);
      if (member === undefined) throw IdentityErrors.memberNotFound.wrap(`${address} in organization ${msg.organizationId}`);
      if (!member.active) throw IdentityErrors.memberInactive.wrap(`${address} in organization ${msg.organizationId}`);
      keeper.setMember(ctx, { ...member, roles: msg.roles, title: msg.title });
      ctx.eventManager.emitEvent(identityEvents.memberUpdated({ organizationId: msg.organizationId, address, roles: msg.roles }));
    }),

    route(keeper, MsgRemoveMember, MsgRemoveMemberResponse, (msg) => {
      validateOrganizationId(msg.organizationId);
      requireAccountAddress(msg.address, "member");
    }, (ctx, msg) => {
      const address = requireAccountAddress(msg.address, "member");
      keeper.requireOrganization(ctx, msg.organizationId);
      const member = keeper.getMember(ctx, msg.organizationId, address);
      if (member === undefined) throw IdentityErrors.memberNotFound.wrap(`${address} in organization ${msg.organizationId}`);
      if (!member.active) throw IdentityErrors.memberInactive.wrap(`${address} in organization ${msg.organizationId}`);
      keeper.setMember(ctx, { ...member, active: false });
      ctx.eventManager.emitEvent(identityEvents.memberRemoved({ organizationId: msg.organizationId, address }));
    }),

    route(keeper, MsgRegisterDevice, MsgRegisterDeviceResponse, (msg) => {
      validateDeviceId(msg.id);
      validateDeviceKind(msg.kind);
      validateCompressedKey(msg.publicKey, IdentityErrors.invalidPublicKey, "device public key");
      validateText("model", msg.model, MAX_MODEL_LENGTH);
      validateText("manufacturer", msg.manufacturer, MAX_MODEL_LENGTH);
      if (msg.kind === DeviceKind.DEVICE_KIND_WEARABLE) {
        if (msg.patientAddress === undefined || msg.carrierOrganizationId !== undefined) {
          throw IdentityErrors.invalidDeviceOwner.wrap("a wearable is bound to a patient_address");
        }
        requireAccountAddress(msg.patientAddress, "patient");
      } else if (msg.carrierOrganizationId === undefined || msg.patientAddress !== undefined) {
        throw IdentityErrors.invalidDeviceOwner.wrap("a sensor is bound to a carrier_organization_id");
      }
    }, (ctx, msg) => {
      if (keeper.getDevice(ctx, msg.id) !== undefined) throw IdentityErrors.deviceAlreadyExists.wrap(`device ${msg.id}`);
      let patientAddress: string | undefined;
      if (msg.patientAddress !== undefined) patientAddress = requireAccountAddress(msg.patientAddress, "patient");
      if (msg.carrierOrganizationId !== undefined) {
        const carrier = keeper.requireActiveOrganization(ctx, msg.carrierOrganizationId);
        if (carrier.type !== OrganizationType.ORGANIZATION_TYPE_CARRIER) {
          throw IdentityErrors.invalidDeviceOwner.wrap(`organization ${carrier.id} is not a carrier`);
        }
      }
      keeper.setDevice(ctx, {
        id: msg.id,
        kind: msg.kind,
        publicKey: msg.publicKey,
        patientAddress,
        carrierOrganizationId: msg.carrierOrganizationId,
        model: msg.model,
        manufacturer: msg.manufacturer,
        active: true,
        registeredHeight: BigInt(ctx.blockHeight),
        registeredTime: blockTimestamp(ctx),
      });
      ctx.eventManager.emitEvent(
        identityEvents.deviceRegistered({
          deviceId: msg.id,
          kind: msg.kind,
          patientAddress: patientAddress ?? "",
          carrierOrganizationId: msg.carrierOrganizationId ?? "",
        }),
      );
    }),

    route(keeper, MsgDeactivateDevice, MsgDeactivateDeviceResponse, (msg) => {
      validateDeviceId(msg.id);
      validateText("reason", msg.reason, MAX_REASON_LENGTH);
    }, (ctx, msg) => {
      const device = keeper.getDevice(ctx, msg.id);
      if (device === undefined) throw IdentityErrors.deviceNotFound.wrap(`device ${msg.id}`);
      if (!device.active) throw IdentityErrors.deviceInactive.wrap(`device ${msg.id}`);
      keeper.setDevice(ctx, { ...device, active: false });
      ctx.eventManager.emitEvent(identityEvents.deviceDeactivated({ deviceId: msg.id, reason: msg.reason }));
    }),

    route(keeper, MsgUpdateAuthority, MsgUpdateAuthorityResponse, (msg) => {
      requireAccountAddress(msg.newAuthority, "new authority");
    }, (ctx, msg) => {
      const previous = keeper.getAuthority(ctx);
      const next = requireAccountAddress(msg.newAuthority, "new authority");
      keeper.setAuthority(ctx, next);
      ctx.eventManager.emitEvent(identityEvents.authorityUpdated({ previousAuthority: previous, newAuthority: next }));
    }),
  ];
  return routes as MsgRoute[];
}
