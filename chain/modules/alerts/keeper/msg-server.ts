import { DeviceKind, MsgSubmitAlert, MsgSubmitAlertResponse } from "@precision/proto";
import { verifySecp256k1Digest } from "../../../runtime/crypto/secp256k1-verify.js";
import { SLUG_PATTERN } from "../../../runtime/module/formats.js";
import { blockTimestamp, messageSchema, requireAccountAddress, respond } from "../../../runtime/module/kit.js";
import type { MsgRoute } from "../../../runtime/router/msg-router.js";
import { AlertsErrors } from "../types/errors.js";
import { alertsEvents } from "../types/events.js";
import type { AccessKeeper, IdentityKeeper } from "../types/expected-keepers.js";
import { alertId, MODULE_NAME } from "../types/keys.js";
import { ALERT_CODES, DEVICE_SIGNATURE_GAS, MAX_CLOCK_SKEW_SECONDS } from "../types/params.js";
import { alertSignDigest } from "../types/sign-doc.js";
import type { AlertsKeeper } from "./keeper.js";

function validateSubmit(msg: MsgSubmitAlert): void {
  requireAccountAddress(msg.submitter, "submitter");
  if (!SLUG_PATTERN.test(msg.deviceId)) throw AlertsErrors.invalidField.wrap(`device id ${JSON.stringify(msg.deviceId)} is malformed`);
  if (msg.sequence < 1n) throw AlertsErrors.invalidField.wrap("sequence starts at 1");
  if (!ALERT_CODES.includes(msg.code)) throw AlertsErrors.unknownCode.wrap(`${JSON.stringify(msg.code)}; known: ${ALERT_CODES.join(", ")}`);
  if (msg.observedAt <= 0n) throw AlertsErrors.invalidField.wrap("observed_at must be a time after the epoch");
  if (msg.signature.length !== 64) throw AlertsErrors.invalidSignature.wrap(`a signature is 64 bytes r‖s, got ${msg.signature.length}`);
}

/**
 * An alert relayed for an active wearable: the device's signature, a fresh sequence and a known
 * code are checked, then the patient's emergency rules open their grants.
 */
export function alertsMsgRoutes(keeper: AlertsKeeper, identity: IdentityKeeper, access: AccessKeeper): MsgRoute[] {
  const submit: MsgRoute<MsgSubmitAlert> = {
    typeUrl: `/${MsgSubmitAlert.$type}`,
    module: MODULE_NAME,
    signerField: "submitter",
    schema: messageSchema(MsgSubmitAlert),
    decode: (bytes) => MsgSubmitAlert.decode(bytes),
    validateBasic: validateSubmit,
    handle(ctx, msg) {
      validateSubmit(msg);
      const submitter = requireAccountAddress(msg.submitter, "submitter");
      const device = identity.getDevice(ctx, msg.deviceId);
      if (device === undefined) throw AlertsErrors.deviceNotFound.wrap(`device ${msg.deviceId}`);
      if (!device.active) throw AlertsErrors.deviceInactive.wrap(`device ${msg.deviceId}`);
      if (device.kind !== DeviceKind.DEVICE_KIND_WEARABLE || device.patientAddress === undefined) throw AlertsErrors.notAWearable.wrap(`device ${msg.deviceId}`);
      if (msg.observedAt > ctx.blockTime.seconds + MAX_CLOCK_SKEW_SECONDS) throw AlertsErrors.invalidField.wrap("observed_at is in the future");
      ctx.gasMeter.consume(DEVICE_SIGNATURE_GAS, "alerts: device signature");
      const digest = alertSignDigest({ chainId: ctx.chainId, deviceId: msg.deviceId, sequence: msg.sequence, code: msg.code, observedAt: msg.observedAt });
      if (!verifySecp256k1Digest(device.publicKey, digest, msg.signature)) throw AlertsErrors.invalidSignature.wrap(`not signed by device ${msg.deviceId}'s key`);
      const last = keeper.lastSequence(ctx, msg.deviceId);
      if (msg.sequence <= last) throw AlertsErrors.staleSequence.wrap(`device ${msg.deviceId} already used sequence ${last}`);
      keeper.setLastSequence(ctx, msg.deviceId, msg.sequence);

      const patient = device.patientAddress;
      const id = alertId(msg.deviceId, msg.sequence);
      const grants = access.openEmergencyGrants(ctx, patient, msg.code, id, submitter);
      keeper.putAlert(ctx, {
        id,
        deviceId: msg.deviceId,
        patient,
        code: msg.code,
        sequence: msg.sequence,
        observedAt: msg.observedAt,
        submitter,
        grantIds: grants.map((g) => g.id),
        height: BigInt(ctx.blockHeight),
        time: blockTimestamp(ctx),
      });
      const base = { alertId: id, patient, deviceId: msg.deviceId, code: msg.code };
      if (grants.length === 0) ctx.eventManager.emitEvent(alertsEvents.alertRaised({ ...base, grantId: 0n, grantee: "", granteeOrganizationId: "" }));
      for (const g of grants) {
        ctx.eventManager.emitEvent(alertsEvents.alertRaised({ ...base, grantId: g.id, grantee: g.grantee, granteeOrganizationId: g.granteeOrganizationId }));
      }
      return respond(MsgSubmitAlertResponse, { alertId: id, grantIds: grants.map((g) => g.id) });
    },
  };
  return [submit as MsgRoute];
}
