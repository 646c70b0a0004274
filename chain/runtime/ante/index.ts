export { AnteHandler, FEE_COLLECTOR_MODULE } from "./ante-handler.js";
export type { AnteHandlerOptions, AnteResult } from "./ante-handler.js";
export type { AnteAccount, AnteAccountKeeper, AnteBankKeeper, AnteParams } from "./expected-keepers.js";
export { decodeSecp256k1PubKey, encodeSecp256k1PubKey, SECP256K1_PUBKEY_TYPE_URL, signDocDigest } from "./sign-doc.js";
