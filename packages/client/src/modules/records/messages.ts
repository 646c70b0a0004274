import { MsgAnchorRecord, recordsTypeUrls } from "@precision/proto";
import { composerFor, hasTypeUrl, type TypedEncodeObject } from "../compose.js";

export type MsgAnchorRecordEncodeObject = TypedEncodeObject<typeof recordsTypeUrls.msgAnchorRecord, MsgAnchorRecord>;
export type RecordsEncodeObject = MsgAnchorRecordEncodeObject;

export const isMsgAnchorRecordEncodeObject = hasTypeUrl<MsgAnchorRecordEncodeObject>(recordsTypeUrls.msgAnchorRecord);

export const recordsMessageComposer = {
  anchorRecord: composerFor(recordsTypeUrls.msgAnchorRecord, MsgAnchorRecord),
};

/** The vault locator of a ciphertext, as records requires it: "vault:sha256:<hex>". */
export function vaultLocator(ciphertextSha256: Uint8Array): string {
  return `vault:sha256:${Array.from(ciphertextSha256, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** WrappedKey.recipient for an organisation's encryption key. */
export function organizationRecipient(organizationId: string): string {
  return `org:${organizationId}`;
}
