import { secp256k1 } from "@noble/curves/secp256k1.js";
import {
  DeviceKind,
  MsgAddMember,
  MsgDeactivateOrganization,
  MsgRegisterDevice,
  MsgRegisterOrganization,
  MsgRemoveMember,
  MsgUpdateAuthority,
  MsgUpdateMember,
  MsgUpdateOrganization,
  OrganizationType,
  Role,
} from "@precision/proto";
import { beforeEach, describe, expect, it } from "vitest";
import { encodeAddress } from "../../../runtime/address/bech32-address.js";
import type { Context } from "../../../runtime/context/context.js";
import { ChainError } from "../../../runtime/errors/registry.js";
import { testContext } from "../../../runtime/testing/test-context.js";
import { IdentityKeeper } from "./keeper.js";
import { identityMsgRoutes } from "./msg-server.js";

const authority = encodeAddress(new Uint8Array(20).fill(1));
const stranger = encodeAddress(new Uint8Array(20).fill(2));
const nurse = encodeAddress(new Uint8Array(20).fill(3));
const patient = encodeAddress(new Uint8Array(20).fill(4));
const deviceKey = secp256k1.getPublicKey(new Uint8Array(32).fill(7), true);

let keeper: IdentityKeeper;
let ctx: Context;

function exec(typeUrl: string, msg: object): Context {
  const route = identityMsgRoutes(keeper).find((r) => r.typeUrl === typeUrl)!;
  route.validateBasic?.(msg);
  route.handle(ctx, msg);
  return ctx;
}

function failure(typeUrl: string, msg: object): ChainError {
  try {
    exec(typeUrl, msg);
  } catch (err) {
    if (err instanceof ChainError) return err;
    throw err;
  }
  throw new Error("expected the message to fail");
}

const register = (over: Partial<MsgRegisterOrganization> = {}) =>
  MsgRegisterOrganization.fromPartial({
    authority,
    id: "mercy-hospital",
    name: "Mercy Hospital",
    type: OrganizationType.ORGANIZATION_TYPE_PROVIDER,
    identifiers: { npi: "1234567893", gln: "0614141000005" },
    ...over,
  });

const REGISTER = "/precision.identity.v1.MsgRegisterOrganization";

beforeEach(() => {
  keeper = new IdentityKeeper();
  ctx = testContext({ height: 7 });
  keeper.setAuthority(ctx, authority);
});

describe("identity msg server", () => {
  it("registers an organisation with block height and time, indexes its identifiers and emits a typed event", () => {
    exec(REGISTER, register());
    const org = keeper.getOrganization(ctx, "mercy-hospital")!;
    expect(org).toMatchObject({ active: true, registeredHeight: 7n, registeredTime: { seconds: 1_700_000_000n, nanos: 0 } });
    expect(keeper.organizationIdByIdentifier(ctx, "npi", "1234567893")).toBe("mercy-hospital");
    const event = ctx.eventManager.events().at(-1)!;
    expect(event.type).toBe("precision.identity.v1.EventOrganizationRegistered");
    expect(event.attributes.map((a) => [a.key, a.value])).toEqual([
      ["organization_id", '"mercy-hospital"'],
      ["type", '"ORGANIZATION_TYPE_PROVIDER"'],
      ["name", '"Mercy Hospital"'],
    ]);
  });

  it("refuses any signer but the authority with identity code 2", () => {
    const err = failure(REGISTER, register({ authority: stranger }));
    expect([err.codespace, err.code]).toEqual(["identity", 2]);
    expect(err.message).toBe(`expected ${authority}, got ${stranger}: signer is not the identity authority`);
  });

  it("validates ids, types, identifiers and keys", () => {
    expect(failure(REGISTER, register({ id: "X" })).code).toBe(6);
    expect(failure(REGISTER, register({ type: OrganizationType.ORGANIZATION_TYPE_UNSPECIFIED })).code).toBe(7);
    expect(failure(REGISTER, register({ identifiers: { npi: "1234567890", gln: "", payerId: "", ndcLabelerCode: "" } })).code).toBe(8);
    expect(failure(REGISTER, register({ encryptionPublicKey: new Uint8Array(33).fill(9) })).code).toBe(19);
    expect(failure(REGISTER, register({ name: "" })).code).toBe(21);
  });

  it("keeps ids and identifiers unique, and releases identifiers an update drops", () => {
    exec(REGISTER, register());
    expect(failure(REGISTER, register()).code).toBe(4);
    expect(failure(REGISTER, register({ id: "other-clinic" })).code).toBe(9);
    exec(
      "/precision.identity.v1.MsgUpdateOrganization",
      MsgUpdateOrganization.fromPartial({ authority, id: "mercy-hospital", name: "Mercy", identifiers: { npi: "1245319599" } }),
    );
    expect(keeper.organizationIdByIdentifier(ctx, "npi", "1234567893")).toBeUndefined();
    expect(keeper.organizationIdByIdentifier(ctx, "gln", "0614141000005")).toBeUndefined();
    exec(REGISTER, register({ id: "other-clinic" }));
    expect(keeper.organizationIdByIdentifier(ctx, "npi", "1234567893")).toBe("other-clinic");
  });

  it("adds, updates, removes and reactivates members of active organisations only", () => {
    exec(REGISTER, register());
    const add = MsgAddMember.fromPartial({ authority, organizationId: "mercy-hospital", address: nurse, roles: [Role.ROLE_CLINICIAN], title: "RN" });
    exec("/precision.identity.v1.MsgAddMember", add);
    expect(failure("/precision.identity.v1.MsgAddMember", add).code).toBe(11);
    expect(failure("/precision.identity.v1.MsgAddMember", { ...add, roles: [Role.ROLE_CLINICIAN, Role.ROLE_CLINICIAN] }).code).toBe(13);
    expect(failure("/precision.identity.v1.MsgAddMember", { ...add, address: "prec1invalid" }).code).toBe(7);
    exec("/precision.identity.v1.MsgUpdateMember", MsgUpdateMember.fromPartial({ ...add, roles: [Role.ROLE_ADMIN] }));
    exec("/precision.identity.v1.MsgRemoveMember", MsgRemoveMember.fromPartial({ authority, organizationId: "mercy-hospital", address: nurse }));
    expect(keeper.getMember(ctx, "mercy-hospital", nurse)!.active).toBe(false);
    expect(failure("/precision.identity.v1.MsgUpdateMember", MsgUpdateMember.fromPartial(add)).code).toBe(12);
    exec("/precision.identity.v1.MsgAddMember", add);
    expect(keeper.getMember(ctx, "mercy-hospital", nurse)).toMatchObject({ active: true, roles: [Role.ROLE_CLINICIAN] });
    exec("/precision.identity.v1.MsgDeactivateOrganization", MsgDeactivateOrganization.fromPartial({ authority, id: "mercy-hospital", reason: "closed" }));
    expect(failure("/precision.identity.v1.MsgAddMember", { ...add, address: patient }).code).toBe(5);
    expect(failure("/precision.identity.v1.MsgAddMember", { ...add, organizationId: "nowhere" }).code).toBe(3);
  });

  it("binds wearables to patients and sensors to active carriers", () => {
    const wearable = MsgRegisterDevice.fromPartial({ authority, id: "watch-1", kind: DeviceKind.DEVICE_KIND_WEARABLE, publicKey: deviceKey, patientAddress: patient });
    exec("/precision.identity.v1.MsgRegisterDevice", wearable);
    expect(failure("/precision.identity.v1.MsgRegisterDevice", wearable).code).toBe(15);
    const sensor = MsgRegisterDevice.fromPartial({ authority, id: "probe-1", kind: DeviceKind.DEVICE_KIND_SENSOR, publicKey: deviceKey, carrierOrganizationId: "mercy-hospital" });
    exec(REGISTER, register());
    expect(failure("/precision.identity.v1.MsgRegisterDevice", sensor).code).toBe(20);
    exec(REGISTER, register({ id: "cold-freight", type: OrganizationType.ORGANIZATION_TYPE_CARRIER, identifiers: undefined }));
    exec("/precision.identity.v1.MsgRegisterDevice", { ...sensor, carrierOrganizationId: "cold-freight" });
    expect(keeper.listDevicesByOwner(ctx, "carrier", "cold-freight").items.map((d) => d.id)).toEqual(["probe-1"]);
    expect(failure("/precision.identity.v1.MsgRegisterDevice", { ...wearable, id: "watch-2", patientAddress: undefined, carrierOrganizationId: "cold-freight" }).code).toBe(20);
    expect(failure("/precision.identity.v1.MsgRegisterDevice", { ...wearable, id: "watch-3", publicKey: new Uint8Array(32) }).code).toBe(19);
  });

  it("hands the authority over, after which the old authority is refused", () => {
    exec("/precision.identity.v1.MsgUpdateAuthority", MsgUpdateAuthority.fromPartial({ authority, newAuthority: stranger }));
    expect(keeper.getAuthority(ctx)).toBe(stranger);
    expect(failure(REGISTER, register()).code).toBe(2);
    exec(REGISTER, register({ authority: stranger }));
  });
});
