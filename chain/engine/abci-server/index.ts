export { encodeFrame, FrameDecoder, FramingError, MAX_MESSAGE_BYTES } from "./framing.js";
export { startAbciServer } from "./server.js";
export type { AbciServer, AbciServerOptions } from "./server.js";
