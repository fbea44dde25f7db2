import 'server-only';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';

export interface TRestatementBatchDto {
  reason: string;
  createdAt: Date;
  records: number;
  entries: number;
}

/** The restatement log grouped by recomputation (same reason and time), newest first. */
export async function findRestatementBatches(
  ctx: { orgId: string },
  limit = 20,
): Promise<TRestatementBatchDto[]> {
  const rows = await queryRows<{ reason: string; createdAt: Date; records: bigint; entries: bigint }>(
    getPrisma(),
    sql`
    SELECT reason, created_at AS "createdAt", count(DISTINCT record_id) AS records, count(*) AS entries
    FROM restatement_entry WHERE org_id = ${ctx.orgId}::uuid
    GROUP BY reason, created_at ORDER BY created_at DESC LIMIT ${limit}`,
  );
  return rows.map((r) => ({ ...r, records: Number(r.records), entries: Number(r.entries) }));
}
