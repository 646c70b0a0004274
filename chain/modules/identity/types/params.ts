/**
 * identity has no governable parameters: the limits below are part of the module's rules (see
 * README.md) and change only with a new consensus version.
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;
export const MAX_NAME_LENGTH = 128;
export const MAX_TITLE_LENGTH = 128;
export const MAX_REASON_LENGTH = 256;
export const MAX_MODEL_LENGTH = 128;
export const MAX_ROLES = 16;
