import "server-only";
import { createHash } from "node:crypto";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256 } from "@noble/hashes/sha2.js";
import type { Observation } from "@medplum/fhirtypes";
import { alertsMessageComposer, connectPrecisionClient, deliverTxError, encryptRecord, isNotFoundError, recordClassOf, toPrecisionChainError, wrapKey } from "@precision/client";
import { RecordClass } from "@precision/proto";
import { env } from "@/env.ts";
import { staffSigner } from "./custody.ts";
import { db } from "./db.ts";
import { FhirError } from "./fhir/outcome.ts";
import { validateFhirResource } from "./fhir/validate.ts";
import { broadcastAs } from "./tx-signer.ts";
import { vaultUpload } from "./vault.ts";

/** SNOMED CT rhythm findings a wearable ECG reports, and the chain's alert code for each. */
const RHYTHM_ALERTS: Record<string, string> = {
  "49436004": "ecg.afib",
  "25569003": "ecg.vtach",
  "48867003": "ecg.bradycardia",
  "3424008": "ecg.tachycardia",
};
const MAX_BODY = 64 * 1024;

export interface DeviceSubmission {
  readonly observation: Observation;
  readonly sequence: string | number;
  readonly observedAt: string | number;
  /** For an abnormal reading: the device's signature over the chain's AlertSignDoc. */
  readonly alert?: { readonly code: string; readonly signature: string };
}

/** The alert code an Observation calls for: a rhythm finding in its value or interpretation. */
export function alertCodeOf(observation: Observation): string | undefined {
  const codings = [...(observation.valueCodeableConcept?.coding ?? []), ...(observation.interpretation ?? []).flatMap((i) => i.coding ?? [])];
  for (const c of codings) if (c.system === "http://snomed.info/sct" && c.code && RHYTHM_ALERTS[c.code]) return RHYTHM_ALERTS[c.code];
  return undefined;
}

/** The record id a device's reading is anchored under: the same for the same device and counter. */
export function readingRecordId(deviceId: string, sequence: bigint): string {
  return `rd-${createHash("sha256").update(`${deviceId}:${sequence}`).digest("hex").slice(0, 40)}`;
}

/**
 * Stores the reading in the vault, encrypted to the patient (a fresh data key wrapped to their
 * public key), and queues it for the patient's browser to anchor: only the patient or a treating
 * organisation may anchor a record, and the portal is neither.
 */
async function storeReading(r: { deviceId: string; patient: string; sequence: bigint; observedAt: bigint; observation: Observation; uploaderKey: Uint8Array }) {
  const id = readingRecordId(r.deviceId, r.sequence);
  if (await db().deviceReading.findUnique({ where: { deviceId_sequence: { deviceId: r.deviceId, sequence: r.sequence } }, select: { id: true } })) {
    throw FhirError.of(409, "duplicate", "this reading's sequence was already used");
  }
  const patient = await db().user.findUnique({ where: { chainAddress: r.patient }, select: { publicKey: true } });
  if (!patient?.publicKey) throw FhirError.of(409, "business-rule", "the device's patient has not set up their key yet, so the reading cannot be stored for them");
  const resource: Observation = { ...r.observation, id, device: r.observation.device ?? { reference: `Device/${r.deviceId}` }, meta: { ...r.observation.meta, lastUpdated: new Date().toISOString() } };
  const recordClass = recordClassOf(resource);
  if (recordClass === undefined) throw FhirError.of(422, "not-supported", "this Observation is not a clinical record this network keeps");
  const sealed = await encryptRecord(new TextEncoder().encode(JSON.stringify(resource)), { recordId: id });
  const wrappedKey = await wrapKey(sealed.dataKey, Buffer.from(patient.publicKey, "base64"));
  await vaultUpload(r.uploaderKey, sealed.envelope);
  try {
    await db().deviceReading.create({
      data: {
        id,
        deviceId: r.deviceId,
        patient: r.patient,
        sequence: r.sequence,
        observedAt: new Date(Number(r.observedAt) * 1000),
        resourceType: "Observation",
        recordClass: RecordClass[recordClass]!.replace("RECORD_CLASS_", ""),
        ciphertextSha256: sealed.contentHash,
        ciphertextSize: sealed.envelope.length,
        wrappedKey: Buffer.from(wrappedKey).toString("base64"),
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw FhirError.of(409, "duplicate", "this reading's sequence was already used");
    throw err;
  }
  return { id };
}

/**
 * A wearable's reading: the raw body signed by the device key (header x-device-signature, base64
 * 64-byte r‖s over SHA-256 of the body), a valid FHIR Observation about the device's patient.
 * Abnormal rhythms are relayed to the chain as the device-signed alert, which opens the
 * patient's emergency rules.
 */
export async function ingestDeviceObservation(deviceId: string, rawBody: string, signatureHeader: string | null) {
  if (!/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/.test(deviceId)) throw FhirError.of(400, "invalid", "malformed device id");
  if (rawBody.length > MAX_BODY) throw FhirError.of(413, "too-costly", `a reading is at most ${MAX_BODY} bytes`);
  if (!signatureHeader) throw FhirError.of(401, "security", "the reading must be signed by the device (x-device-signature)");
  const { query, disconnect } = await connectPrecisionClient(env().CHAIN_RPC_URL).catch(() => {
    throw FhirError.of(503, "transient", "the chain node did not answer");
  });
  let device;
  try {
    device = await query.identity.device(deviceId);
  } catch (err) {
    if (isNotFoundError(err)) throw FhirError.of(404, "not-found", `no device ${deviceId} is registered`);
    throw FhirError.of(503, "transient", "the chain node did not answer");
  } finally {
    disconnect();
  }
  if (!device.active || device.patientAddress === undefined) throw FhirError.of(403, "forbidden", `device ${deviceId} is not an active wearable bound to a patient`);
  const signature = Uint8Array.from(Buffer.from(signatureHeader, "base64"));
  const verified = (() => {
    try {
      return signature.length === 64 && secp256k1.verify(signature, sha256(new TextEncoder().encode(rawBody)), device.publicKey, { prehash: false, lowS: true });
    } catch {
      return false;
    }
  })();
  if (!verified) throw FhirError.of(401, "security", "the signature is not the device's");

  let submission: DeviceSubmission;
  try {
    submission = JSON.parse(rawBody) as DeviceSubmission;
  } catch {
    throw FhirError.of(400, "structure", "the body is not JSON");
  }
  const observation = submission.observation;
  if (observation?.resourceType !== "Observation") throw FhirError.of(400, "invalid", "observation must be a FHIR Observation");
  await validateFhirResource(observation);
  if (observation.subject?.reference !== `Patient/${device.patientAddress}`) throw FhirError.of(422, "business-rule", "the observation is not about this device's patient");
  let sequence: bigint;
  let observedAt: bigint;
  try {
    sequence = BigInt(String(submission.sequence ?? ""));
    observedAt = BigInt(String(submission.observedAt ?? ""));
  } catch {
    throw FhirError.of(400, "value", "sequence and observedAt must be whole numbers (observedAt in Unix seconds)");
  }
  if (sequence < 1n || sequence >= 2n ** 63n) throw FhirError.of(400, "value", "sequence must be a positive 64-bit counter");
  if (observedAt < 1n || observedAt >= 2n ** 40n) throw FhirError.of(400, "value", "observedAt must be Unix seconds");

  const expected = alertCodeOf(observation);
  if (expected !== undefined && (!submission.alert || submission.alert.code !== expected)) throw FhirError.of(422, "business-rule", `an abnormal rhythm needs the device's signed alert ${expected}`);
  const admin = await db().user.findFirst({ where: { role: "ADMIN", encryptedKey: { not: null } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!admin) throw FhirError.of(503, "exception", "the portal has no account to relay readings with");
  const relay = await staffSigner(admin.id);
  const reading = await storeReading({ deviceId, patient: device.patientAddress, sequence, observedAt, observation, uploaderKey: relay.key.privateKey });
  if (expected === undefined) return { reading, alert: null };
  try {
    const result = await broadcastAs(relay.mnemonic, [
      alertsMessageComposer.submitAlert({ submitter: relay.key.address, deviceId, sequence, code: expected, observedAt, signature: Uint8Array.from(Buffer.from(submission.alert!.signature, "base64")) }),
    ]);
    const failed = deliverTxError(result);
    if (failed) throw failed;
    const event = result.events.filter((e) => e.type === "precision.alerts.v1.EventAlertRaised");
    const grants = event.map((e) => e.attributes.find((a) => a.key === "grant_id")?.value.replaceAll('"', "") ?? "0").filter((g) => g !== "0");
    return { reading, alert: { id: `${deviceId}-${sequence}`, code: expected, txHash: result.transactionHash, grants } };
  } catch (err) {
    const chainError = toPrecisionChainError(err);
    if (chainError?.codespace === "alerts" && chainError.code === 6) throw FhirError.of(409, "duplicate", "this reading's sequence was already used");
    if (chainError?.codespace === "alerts" && chainError.code === 5) throw FhirError.of(401, "security", "the alert is not signed by the device");
    if (chainError) throw FhirError.of(422, "processing", chainError.message);
    throw err;
  }
}
