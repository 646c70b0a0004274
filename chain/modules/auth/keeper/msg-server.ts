/**
 * auth accepts no messages: its parameters are fixed at genesis (the SDK's MsgUpdateParams needs
 * governance, which this chain does not have). Accounts change only through the ante handler
 * (public key, sequence) and bank (creation on first receipt).
 */
export const AUTH_MSG_TYPE_URLS: readonly string[] = [];
