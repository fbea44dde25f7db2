import 'server-only';
import { getPrisma } from '@/lib/db';

/** Appends an audit event for a report export (who, which period and format, hash of the bytes served). */
export async function recordReportExport(
  ctx: { orgId: string; userId: string; tokenId?: string },
  details: { period: string; format: string; sha256: string; bytes: number },
): Promise<void> {
  await getPrisma().auditEvent.create({
    data: {
      orgId: ctx.orgId,
      actorUserId: ctx.userId,
      actorTokenId: ctx.tokenId ?? null,
      action: 'report.export',
      targetType: 'report',
      targetId: details.period,
      metadata: { format: details.format, bytes: details.bytes },
      contentHash: details.sha256,
    },
  });
}
