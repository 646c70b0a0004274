import type { EncodeObject } from "@cosmjs/proto-signing";
import {
  identityTypeUrls,
  MsgAddMember,
  MsgDeactivateDevice,
  MsgDeactivateOrganization,
  MsgRegisterDevice,
  MsgRegisterOrganization,
  MsgRemoveMember,
  MsgUpdateAuthority,
  MsgUpdateMember,
  MsgUpdateOrganization,
} from "@precision/proto";
import { hasTypeUrl } from "../compose.js";

export interface MsgRegisterOrganizationEncodeObject extends EncodeObject {
  readonly typeUrl: typeof identityTypeUrls.msgRegisterOrganization;
  readonly value: Partial<MsgRegisterOrganization>;
}

export interface MsgUpdateOrganizationEncodeObject extends EncodeObject {
  readonly typeUrl: typeof identityTypeUrls.msgUpdateOrganization;
  readonly value: Partial<MsgUpdateOrganization>;
}

export interface MsgDeactivateOrganizationEncodeObject extends EncodeObject {
  readonly typeUrl: typeof identityTypeUrls.msgDeactivateOrganization;
  readonly value: Partial<MsgDeactivateOrganization>;
}

export interface MsgAddMemberEncodeObject extends EncodeObject {
  readonly typeUrl: typeof identityTypeUrls.msgAddMember;
  readonly value: Partial<MsgAddMember>;
}

export interface MsgUpdateMemberEncodeObject extends EncodeObject {
  readonly typeUrl: typeof identityTypeUrls.msgUpdateMember;
  readonly value: Partial<MsgUpdateMember>;
}

export interface MsgRemoveMemberEncodeObject extends EncodeObject {
  readonly typeUrl: typeof identityTypeUrls.msgRemoveMember;
  readonly value: Partial<MsgRemoveMember>;
}

export interface MsgRegisterDeviceEncodeObject extends EncodeObject {
  readonly typeUrl: typeof identityTypeUrls.msgRegisterDevice;
  readonly value: Partial<MsgRegisterDevice>;
}

export interface MsgDeactivateDeviceEncodeObject extends EncodeObject {
  readonly typeUrl: typeof identityTypeUrls.msgDeactivateDevice;
  readonly value: Partial<MsgDeactivateDevice>;
}

export interface MsgUpdateAuthorityEncodeObject extends EncodeObject {
  readonly typeUrl: typeof identityTypeUrls.msgUpdateAuthority;
  readonly value: Partial<MsgUpdateAuthority>;
}

export type IdentityEncodeObject =
  | MsgRegisterOrganizationEncodeObject
  | MsgUpdateOrganizationEncodeObject
  | MsgDeactivateOrganizationEncodeObject
  | MsgAddMemberEncodeObject
  | MsgUpdateMemberEncodeObject
  | MsgRemoveMemberEncodeObject
  | MsgRegisterDeviceEncodeObject
  | MsgDeactivateDeviceEncodeObject
  | MsgUpdateAuthorityEncodeObject;

export const isMsgRegisterOrganizationEncodeObject =
  hasTypeUrl<MsgRegisterOrganizationEncodeObject>(identityTypeUrls.msgRegisterOrganization);
export const isMsgUpdateOrganizationEncodeObject = hasTypeUrl<MsgUpdateOrganizationEncodeObject>(
  identityTypeUrls.msgUpdateOrganization,
);
export const isMsgDeactivateOrganizationEncodeObject =
  hasTypeUrl<MsgDeactivateOrganizationEncodeObject>(identityTypeUrls.msgDeactivateOrganization);
export const isMsgAddMemberEncodeObject = hasTypeUrl<MsgAddMemberEncodeObject>(
  identityTypeUrls.msgAddMember,
);
export const isMsgUpdateMemberEncodeObject = hasTypeUrl<MsgUpdateMemberEncodeObject>(
  identityTypeUrls.msgUpdateMember,
);
export const isMsgRemoveMemberEncodeObject = hasTypeUrl<MsgRemoveMemberEncodeObject>(
  identityTypeUrls.msgRemoveMember,
);
export const isMsgRegisterDeviceEncodeObject = hasTypeUrl<MsgRegisterDeviceEncodeObject>(
  identityTypeUrls.msgRegisterDevice,
);
export const isMsgDeactivateDeviceEncodeObject = hasTypeUrl<MsgDeactivateDeviceEncodeObject>(
  identityTypeUrls.msgDeactivateDevice,
);
export const isMsgUpdateAuthorityEncodeObject = hasTypeUrl<MsgUpdateAuthorityEncodeObject>(
  identityTypeUrls.msgUpdateAuthority,
);

type PartialInput<T extends { fromPartial: (object: never) => unknown }> = Parameters<
  T["fromPartial"]
>[0];

/**
 * Builds identity EncodeObjects with every field normalised by `fromPartial`, so numbers and
 * strings are accepted where the wire type is a 64-bit integer.
 */
export const identityMessageComposer = {
  registerOrganization(
    value: PartialInput<typeof MsgRegisterOrganization>,
  ): MsgRegisterOrganizationEncodeObject {
    return {
      typeUrl: identityTypeUrls.msgRegisterOrganization,
      value: MsgRegisterOrganization.fromPartial(value),
    };
  },
  updateOrganization(
    value: PartialInput<typeof MsgUpdateOrganization>,
  ): MsgUpdateOrganizationEncodeObject {
    return {
      typeUrl: identityTypeUrls.msgUpdateOrganization,
      value: MsgUpdateOrganization.fromPartial(value),
    };
  },
  deactivateOrganization(
    value: PartialInput<typeof MsgDeactivateOrganization>,
  ): MsgDeactivateOrganizationEncodeObject {
    return {
      typeUrl: identityTypeUrls.msgDeactivateOrganization,
      value: MsgDeactivateOrganization.fromPartial(value),
    };
  },
  addMember(value: PartialInput<typeof MsgAddMember>): MsgAddMemberEncodeObject {
    return { typeUrl: identityTypeUrls.msgAddMember, value: MsgAddMember.fromPartial(value) };
  },
  updateMember(value: PartialInput<typeof MsgUpdateMember>): MsgUpdateMemberEncodeObject {
    return { typeUrl: identityTypeUrls.msgUpdateMember, value: MsgUpdateMember.fromPartial(value) };
  },
  removeMember(value: PartialInput<typeof MsgRemoveMember>): MsgRemoveMemberEncodeObject {
    return { typeUrl: identityTypeUrls.msgRemoveMember, value: MsgRemoveMember.fromPartial(value) };
  },
  registerDevice(value: PartialInput<typeof MsgRegisterDevice>): MsgRegisterDeviceEncodeObject {
    return {
      typeUrl: identityTypeUrls.msgRegisterDevice,
      value: MsgRegisterDevice.fromPartial(value),
    };
  },
  deactivateDevice(
    value: PartialInput<typeof MsgDeactivateDevice>,
  ): MsgDeactivateDeviceEncodeObject {
    return {
      typeUrl: identityTypeUrls.msgDeactivateDevice,
      value: MsgDeactivateDevice.fromPartial(value),
    };
  },
  updateAuthority(value: PartialInput<typeof MsgUpdateAuthority>): MsgUpdateAuthorityEncodeObject {
    return {
      typeUrl: identityTypeUrls.msgUpdateAuthority,
      value: MsgUpdateAuthority.fromPartial(value),
    };
  },
} as const;
