import { MsgAnchorRecord, recordsTypeUrls } from "@precision/proto";
import { composerFor, hasTypeUrl, type TypedEncodeObject } from "../compose.js";

export type MsgAnchorRecordEncodeObject = TypedEncodeObject<typeof recordsTypeUrls.msgAnchorRecord, MsgAnchorRecord>;
export type RecordsEncodeObject = MsgAnchorRecordEncodeObject;

export const isMsgAnchorRecordEncodeObject = hasTypeUrl<MsgAnchorRecordEncodeObject>(recordsTypeUrls.msgAnchorRecord);

export const recordsMessageComposer = {
  anchorRecord: composerFor(recordsTypeUrls.msgAnchorRecord, MsgAnchorRecord),
};

/** A record id is a FHIR id: [A-Za-z0-9-.]{1,64} (the records module's rule). */
export function isRecordId(id: string): boolean {
  return /^[A-Za-z0-9.-]{1,64}$/.test(id);
}

/** The vault locator of a ciphertext, as records requires it: "vault:sha256:<hex>". */
export function vaultLocator(ciphertextSha256: Uint8Array): string {
  return `vault:sha256:${Array.from(ciphertextSha256, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** WrappedKey.recipient for an organisation's encryption key. */
export function organizationRecipient(organizationId: string): string {
  return `org:${organizationId}`;
}
