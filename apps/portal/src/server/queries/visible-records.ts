// The timeline's query, separate from the server-only module so the records benchmark runs it too.
import type { PrismaClient } from "@precision/db";

export interface RecordSummary {
  readonly id: string;
  readonly patient: string;
  readonly resourceType: string;
  readonly recordClass: string;
  readonly authorOrganizationId: string | null;
  readonly time: Date;
  readonly height: bigint;
}

export interface VisibleRecordsFilter {
  readonly resourceType?: string;
  readonly recordClasses?: readonly string[];
  readonly from?: Date;
  readonly to?: Date;
  readonly limit?: number;
}

/**
 * A patient's records the reader may read now: their own, their organisations' own charts, and
 * what a live grant to them or their organisations covers (scope, classes, look-back).
 */
export function queryVisibleRecords(prisma: PrismaClient, reader: string, orgs: readonly string[], patient: string, filter: VisibleRecordsFilter = {}): Promise<RecordSummary[]> {
  const limit = Math.min(filter.limit ?? 100, 1000);
  return prisma.$queryRaw<RecordSummary[]>`
    SELECT r."id", r."patient", r."resourceType", r."recordClass", r."authorOrganizationId", r."time", r."height"
      FROM "ChainRecord" r
     WHERE r."patient" = ${patient}
       AND r."supersededBy" IS NULL
       AND (${filter.resourceType ?? null}::text IS NULL OR r."resourceType" = ${filter.resourceType ?? null})
       AND (${filter.recordClasses ?? null}::text[] IS NULL OR r."recordClass" = ANY(${filter.recordClasses ?? null}::text[]))
       AND (${filter.from ?? null}::timestamp IS NULL OR r."time" >= ${filter.from ?? null})
       AND (${filter.to ?? null}::timestamp IS NULL OR r."time" < ${filter.to ?? null})
       AND (
         r."patient" = ${reader}
         OR r."authorOrganizationId" = ANY(${orgs}::text[])
         OR EXISTS (
           SELECT 1 FROM "ChainGrant" g
            WHERE g."patient" = r."patient" AND NOT g."revoked" AND g."start" <= now() AND g."end" > now()
              AND (g."grantee" = ${reader} OR g."granteeOrganizationId" = ANY(${orgs}::text[]))
              AND (g."scopeAll" OR r."recordClass" = ANY(g."scopeClasses") OR r."id" = ANY(g."scopeRecordIds"))
              AND (g."recordsFrom" IS NULL OR r."time" >= g."recordsFrom")
         )
       )
     ORDER BY r."time" DESC, r."id"
     LIMIT ${limit}`;
}
