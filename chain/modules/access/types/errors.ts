import { accessErrors } from "@precision/proto";
import { registerModuleErrors } from "../../../runtime/module/kit.js";

/** The access codespace, registered from the shared table in @precision/proto (append-only). */
export const AccessErrors = registerModuleErrors(accessErrors);
