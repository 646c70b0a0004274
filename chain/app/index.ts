export { APP_NAME, APP_VERSION, createPrecisionApp, STATE_PROOF_OP_TYPE } from "./app.js";
export type { ExportedAppState, PrecisionApp, PrecisionAppOptions } from "./app.js";
export type { AppStore } from "./app-store.js";
export { addGenesisAccount, buildGenesis, defaultAppStateJson } from "./genesis.js";
export type { AppState, BuildGenesisInput, GenesisAccountInput, GenesisCoin, GenesisDoc } from "./genesis.js";
export type { Logger } from "./logger.js";
export { silentLogger } from "./logger.js";
export { InlineSignatureVerifier, WorkerPoolSignatureVerifier } from "../runtime/crypto/signature-verifier.js";
export type { SignatureVerifier, VerifyRequest, WorkerPoolOptions } from "../runtime/crypto/signature-verifier.js";
