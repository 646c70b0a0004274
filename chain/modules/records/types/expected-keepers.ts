import type { Member, Organization, RecordClass } from "@precision/proto";
import type { Context } from "../../../runtime/context/context.js";

/** What records reads from identity. */
export interface IdentityKeeper {
  getOrganization(ctx: Context, id: string): Organization | undefined;
  getMember(ctx: Context, organizationId: string, address: string): Member | undefined;
}

/** What records reads from access: whether the patient lets this author treat them now. */
export interface AccessKeeper {
  hasTreatmentRelationship(ctx: Context, patient: string, author: string, organizationId: string, recordClass: RecordClass): boolean;
}
