/**
 * auth has no codespace of its own: like the SDK's x/auth it fails with the root "sdk" errors,
 * re-exported here so the module's error surface is listed in one place.
 */
export { ErrInvalidAddress, ErrInvalidPubKey, ErrUnknownAddress } from "../../../runtime/errors/sdk-errors.js";
