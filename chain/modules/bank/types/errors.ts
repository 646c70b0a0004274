/**
 * bank fails with the root "sdk" errors, as the SDK's x/bank does for everything a client hits:
 * invalid address (7), invalid coins (10), insufficient funds (5), unauthorized recipient (4).
 * Its own codespace errors (send disabled) are registered here.
 */
import { registerError } from "../../../runtime/errors/registry.js";

export { ErrInsufficientFunds, ErrInvalidAddress, ErrInvalidCoins, ErrUnauthorized } from "../../../runtime/errors/sdk-errors.js";

/** x/bank/types/errors.go code 5. */
export const ErrSendDisabled = registerError("bank", 5, "send transactions are disabled");
