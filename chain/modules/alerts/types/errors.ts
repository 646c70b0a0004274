import { alertsErrors } from "@precision/proto";
import { registerModuleErrors } from "../../../runtime/module/kit.js";

/** The alerts codespace, registered from the shared table in @precision/proto (append-only). */
export const AlertsErrors = registerModuleErrors(alertsErrors);
