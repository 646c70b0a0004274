import type { AnchoredRecord, Member, Organization } from "@precision/proto";
import type { Context } from "../../../runtime/context/context.js";

/** What access reads from identity. */
export interface IdentityKeeper {
  getOrganization(ctx: Context, id: string): Organization | undefined;
  getMember(ctx: Context, organizationId: string, address: string): Member | undefined;
  /** Every membership of an account, active or not, in organisation id order. */
  membershipsOf(ctx: Context, address: string): Member[];
}

/** What access reads from records. */
export interface RecordsKeeper {
  getRecord(ctx: Context, id: string): AnchoredRecord | undefined;
}
