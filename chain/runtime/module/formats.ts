/**
 * Formats several modules check the same way. A module may not import another, so the shared
 * wire formats live here.
 */
/** FHIR's id type, used for record ids: [A-Za-z0-9\-\.]{1,64}. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9.-]{1,64}$/;
/** Organisation and device ids (identity's slug). */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;
/** A data key wrapped by @precision/client: version 0x01, ephemeral key, nonce, sealed key, tag. */
export const WRAPPED_KEY_BYTES = 94;
export const WRAPPED_KEY_VERSION = 0x01;

export function isWrappedKey(bytes: Uint8Array): boolean {
  return bytes.length === WRAPPED_KEY_BYTES && bytes[0] === WRAPPED_KEY_VERSION;
}
