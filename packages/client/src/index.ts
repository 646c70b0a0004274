export {
  PRECISION_BECH32_PREFIX,
  PRECISION_BROADCAST_POLL_INTERVAL_MS,
  PRECISION_BROADCAST_TIMEOUT_MS,
  PRECISION_CHAIN_ID,
  PRECISION_DEFAULT_GAS_PRICE,
  PRECISION_DENOM,
  precisionHdPath,
} from "./constants.js";
export { createRegistry } from "./registry.js";
export {
  connectPrecisionClient,
  connectPrecisionSigningClient,
  createPrecisionQueryClient,
  precisionSigningClientOptions,
} from "./connect.js";
export type {
  PrecisionConnection,
  PrecisionQueryClient,
  PrecisionSigningOptions,
} from "./connect.js";
export {
  assertPrecisionTxSuccess,
  deliverTxError,
  isNotFoundError,
  PrecisionChainError,
  toPrecisionChainError,
} from "./errors.js";
export type { ChainErrorDetails, ChainErrorStage } from "./errors.js";
export {
  accountKeyFromMnemonic,
  addressFromPubkey,
  generateMnemonic,
  generateWallet,
  isPrecisionAddress,
  toPrecisionAddress,
  walletFromMnemonic,
} from "./keys.js";
export type { AccountKey, MnemonicLength, WalletOptions } from "./keys.js";
export {
  identityMessageComposer,
  isMsgAddMemberEncodeObject,
  isMsgDeactivateDeviceEncodeObject,
  isMsgDeactivateOrganizationEncodeObject,
  isMsgRegisterDeviceEncodeObject,
  isMsgRegisterOrganizationEncodeObject,
  isMsgRemoveMemberEncodeObject,
  isMsgUpdateAuthorityEncodeObject,
  isMsgUpdateMemberEncodeObject,
  isMsgUpdateOrganizationEncodeObject,
  setupIdentityExtension,
  recordsMessageComposer,
  isMsgAnchorRecordEncodeObject,
  isRecordId,
  organizationRecipient,
  vaultLocator,
  setupRecordsExtension,
  accessMessageComposer,
  BREAK_GLASS_REASONS,
  isMsgBreakGlassEncodeObject,
  isMsgGrantAccessEncodeObject,
  isMsgLogAccessEncodeObject,
  isMsgRevokeAccessEncodeObject,
  setupAccessExtension,
  alertsMessageComposer,
  isMsgSubmitAlertEncodeObject,
  signDeviceAlert,
  setupAlertsExtension,
} from "./modules/index.js";
export type {
  DeviceOwnerLookup,
  IdentityEncodeObject,
  IdentityExtension,
  MsgAddMemberEncodeObject,
  MsgDeactivateDeviceEncodeObject,
  MsgDeactivateOrganizationEncodeObject,
  MsgRegisterDeviceEncodeObject,
  MsgRegisterOrganizationEncodeObject,
  MsgRemoveMemberEncodeObject,
  MsgUpdateAuthorityEncodeObject,
  MsgUpdateMemberEncodeObject,
  MsgUpdateOrganizationEncodeObject,
  OrganizationIdentifierLookup,
  MsgAnchorRecordEncodeObject,
  RecordsEncodeObject,
  RecordsExtension,
  AccessEncodeObject,
  AccessExtension,
  BreakGlassReason,
  MsgAddGrantKeysEncodeObject,
  MsgReleaseGrantKeysEncodeObject,
  MsgAddEmergencyRuleKeysEncodeObject,
  MsgBreakGlassEncodeObject,
  MsgGrantAccessEncodeObject,
  MsgLogAccessEncodeObject,
  MsgRemoveEmergencyRuleEncodeObject,
  MsgRevokeAccessEncodeObject,
  MsgSetEmergencyRuleEncodeObject,
  MsgUpdateAccessParamsEncodeObject,
  AlertsEncodeObject,
  AlertsExtension,
  DeviceAlert,
  MsgSubmitAlertEncodeObject,
} from "./modules/index.js";
export { openSecret, sealSecret, SecretBoxError } from "./secret-box.js";
export type { SecretBoxContext } from "./secret-box.js";
export {
  decodeStateProof,
  EMPTY_STATE_ROOT,
  STATE_PROOF_VERSION,
  StateProofFormatError,
  verifyInclusionProof,
  verifyNonInclusionProof,
} from "./proof/index.js";
export type {
  DecodedStateProof,
  InclusionProofInput,
  NonInclusionProofInput,
  StateProofKind,
} from "./proof/index.js";
export {
  contentHash,
  decryptRecord,
  decryptStream,
  encryptRecord,
  encryptStream,
  generateEncryptionKeyPair,
  grantKeysFor,
  PrecisionCryptoError,
  rewrapKey,
  unwrapKey,
  wrapKey,
  RECORD_ENVELOPE_V1,
  SEGMENT_BYTES,
  STREAM_V1,
  WRAPPED_KEY_BYTES,
  WRAPPED_KEY_V1,
} from "./crypto/index.js";
export type { CryptoErrorCode, SealedRecord } from "./crypto/index.js";
export {
  EMPTY_BODY,
  parseVaultAuthorization,
  signVaultRequest,
  VAULT_AUTH_SCHEME,
  vaultSigningDigest,
  verifyVaultRequest,
} from "./vault/index.js";
export type { VaultAuthorization, VaultRequestTarget } from "./vault/index.js";
export { recordClassLabel, recordClassOf } from "./fhir/index.js";
export type { ClassifiableResource } from "./fhir/index.js";
export { KEYSTORE_ITERATIONS, KeystoreError, lockMnemonic, unlockMnemonic } from "./keystore.js";
export type { Keystore } from "./keystore.js";
