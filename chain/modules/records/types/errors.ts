import { recordsErrors } from "@precision/proto";
import { registerModuleErrors } from "../../../runtime/module/kit.js";

/** The records codespace, registered from the shared table in @precision/proto (append-only). */
export const RecordsErrors = registerModuleErrors(recordsErrors);
