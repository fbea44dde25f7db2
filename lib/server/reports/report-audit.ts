import 'server-only';
import type { TOrgContext } from '@/lib/auth/actor';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../audit/audit-events';

/** Appends an audit event for a report export (who, which period and format, hash of the bytes served). */
export async function recordReportExport(
  ctx: Pick<TOrgContext, 'orgId' | 'actor'>,
  details: { period: string; format: string; sha256: string; bytes: number },
): Promise<void> {
  await recordAuditEvent(getPrisma(), ctx, {
    action: 'report.export',
    targetType: 'report',
    targetId: details.period,
    metadata: { format: details.format, bytes: details.bytes },
    contentHash: details.sha256,
  });
}
