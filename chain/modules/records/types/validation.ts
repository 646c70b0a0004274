import { RecordClass, type WrappedKey } from "@precision/proto";
import { requireAccountAddress } from "../../../runtime/module/kit.js";
import { RecordsErrors } from "./errors.js";
import {
  LOCATOR_PATTERN,
  MAX_CIPHERTEXT_SIZE,
  MAX_KEYS_PER_RECORD,
  ORGANIZATION_RECIPIENT_PREFIX,
  RESOURCE_TYPES,
  SHA256_BYTES,
} from "./params.js";
import { isWrappedKey, RECORD_ID_PATTERN, WRAPPED_KEY_BYTES, WRAPPED_KEY_VERSION } from "../../../runtime/module/formats.js";

export function validateRecordId(id: string, field = "id"): void {
  if (!RECORD_ID_PATTERN.test(id)) throw RecordsErrors.invalidRecordId.wrap(`${field} ${JSON.stringify(id)} must match ${RECORD_ID_PATTERN.source}`);
}

export function validateRecordClass(recordClass: RecordClass): void {
  if (recordClass === RecordClass.RECORD_CLASS_UNSPECIFIED || RecordClass[recordClass] === undefined || recordClass < 0) {
    throw RecordsErrors.invalidRecordClass.wrap(`record class ${recordClass} is not a class`);
  }
}

export function validateResourceType(type: string): void {
  if (!RESOURCE_TYPES.includes(type)) throw RecordsErrors.invalidResourceType.wrap(`${JSON.stringify(type)} is not a clinical FHIR R4 resource type this network anchors`);
}

/** The ciphertext's hash, size and locator agree: the locator names the same SHA-256. */
export function validateCiphertext(sha256: Uint8Array, size: bigint, locator: string): void {
  if (sha256.length !== SHA256_BYTES) throw RecordsErrors.invalidHash.wrap(`ciphertext_sha256 must be ${SHA256_BYTES} bytes, got ${sha256.length}`);
  if (size <= 0n || size > MAX_CIPHERTEXT_SIZE) throw RecordsErrors.invalidField.wrap(`ciphertext_size must be 1-${MAX_CIPHERTEXT_SIZE} bytes, got ${size}`);
  if (!LOCATOR_PATTERN.test(locator)) throw RecordsErrors.invalidLocator.wrap(`vault_locator ${JSON.stringify(locator)} must match ${LOCATOR_PATTERN.source}`);
  if (locator.slice("vault:sha256:".length) !== Buffer.from(sha256).toString("hex")) {
    throw RecordsErrors.invalidLocator.wrap("vault_locator names another hash than ciphertext_sha256");
  }
}

/** A recipient is an account address or "org:<organization id>". Returns the canonical form. */
export function canonicalRecipient(recipient: string): string {
  if (recipient.startsWith(ORGANIZATION_RECIPIENT_PREFIX)) {
    if (recipient.length === ORGANIZATION_RECIPIENT_PREFIX.length) throw RecordsErrors.invalidKey.wrap("organization recipient without an id");
    return recipient;
  }
  try {
    return requireAccountAddress(recipient, "key recipient");
  } catch (err) {
    throw RecordsErrors.invalidKey.wrap((err as Error).message);
  }
}

export function validateWrappedKeyBytes(wrapped: Uint8Array, what: string): void {
  if (!isWrappedKey(wrapped)) {
    throw RecordsErrors.invalidKey.wrap(`${what} must be a ${WRAPPED_KEY_BYTES}-byte version-${WRAPPED_KEY_VERSION} wrapped key, got ${wrapped.length} bytes`);
  }
}

/** Keys are well formed, one per recipient, and include every recipient in `required`. */
export function validateKeys(keys: readonly WrappedKey[], required: readonly string[]): WrappedKey[] {
  if (keys.length > MAX_KEYS_PER_RECORD) throw RecordsErrors.invalidKey.wrap(`at most ${MAX_KEYS_PER_RECORD} wrapped keys`);
  const out: WrappedKey[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    const recipient = canonicalRecipient(key.recipient);
    validateWrappedKeyBytes(key.wrappedKey, `key for ${recipient}`);
    if (seen.has(recipient)) throw RecordsErrors.invalidKey.wrap(`two keys for ${recipient}`);
    seen.add(recipient);
    out.push({ recipient, wrappedKey: key.wrappedKey });
  }
  for (const recipient of required) {
    if (!seen.has(recipient)) throw RecordsErrors.missingKey.wrap(`no wrapped key for ${recipient}`);
  }
  return out;
}
