import type { Device, Grant } from "@precision/proto";
import type { Context } from "../../../runtime/context/context.js";

/** What alerts reads from identity. */
export interface IdentityKeeper {
  getDevice(ctx: Context, id: string): Device | undefined;
}

/** What alerts asks of access: open the grants the patient's emergency rules call for. */
export interface AccessKeeper {
  openEmergencyGrants(ctx: Context, patient: string, code: string, alertId: string, createdBy: string): Grant[];
}
