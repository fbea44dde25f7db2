import { createHash } from 'node:crypto';
import 'server-only';
import { AppError } from '@/lib/errors';
import { buildQuarterlyEsgReport } from '@/lib/reports/build-quarterly-esg-report';
import { exportReport, type TReportFile } from '@/lib/reports/export-report';
import { withSignOff } from '@/lib/reports/report-snapshot';
import type { TReportFormat } from '@/lib/schemas/report-export';
import type { TAuthContext } from '@/lib/server/access/auth-context';
import { getQuarterAggregates } from '@/lib/server/reports/quarter-aggregates';
import { recordReportExport } from '@/lib/server/reports/report-audit';
import { findSignOffNames } from '@/lib/server/reports/report-sign-off';
import { getReportVersion } from '@/lib/server/reports/report-versions';

async function frozenFile(
  ctx: { orgId: string; orgSlug: string },
  period: string,
  version: number | 'latest',
  format: TReportFormat,
): Promise<TReportFile> {
  const frozen = await getReportVersion(ctx, period, version);
  if (!frozen) {
    throw new AppError(
      'NOT_FOUND',
      `No frozen report for ${period}${version === 'latest' ? '' : ` version ${version}`}.`,
    );
  }
  const names = await findSignOffNames(ctx, [frozen.createdById, frozen.reviewedById, frozen.approvedById]);
  const who = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  const report = withSignOff(frozen.report, {
    preparedBy: who(frozen.createdById),
    preparedAt: frozen.createdAt.toISOString(),
    reviewedBy: who(frozen.reviewedById),
    reviewedAt: frozen.reviewedAt?.toISOString() ?? null,
    approvedBy: who(frozen.approvedById),
    approvedAt: frozen.approvedAt?.toISOString() ?? null,
  });
  const file = await exportReport(report, format, ctx.orgSlug);
  // JSON of a frozen version is the stored text itself: byte for byte what was frozen (sha256 in the DB).
  return format === 'json' ? { ...file, body: Buffer.from(frozen.contentJson, 'utf8') } : file;
}

/**
 * The answer of GET /api/v1/reports/{period}/export and GET /api/v1/reports/{period} (the route wrapper has
 * authorised the caller and parsed `period`, `format` and `version`). `version` absent: the live provisional report
 * ('live'), or, for the issue #6 path ('latest-snapshot'), the latest frozen version, or the live provisional report
 * when none is frozen. A GET never freezes (issue #17: a cross-site link would freeze under the victim's name);
 * freezing is POST …/versions only. The export audit event is the only write. Build or load → serialise → audit.
 */
export async function reportFileResponse(
  ctx: TAuthContext,
  input: { period: string; format: TReportFormat; version?: number | 'latest' },
  defaultVersion: 'live' | 'latest-snapshot',
): Promise<Response> {
  const { period, format } = input;
  let version = input.version;
  if (version === undefined && defaultVersion === 'latest-snapshot') {
    version = (await getReportVersion(ctx, period, 'latest'))?.version;
  }
  const file =
    version === undefined
      ? await exportReport(
          buildQuarterlyEsgReport(await getQuarterAggregates(ctx, period), { generatedAt: new Date() }),
          format,
          ctx.orgSlug,
        )
      : await frozenFile(ctx, period, version, format);
  await recordReportExport(ctx, {
    period: version === undefined ? period : `${period} v${version}`,
    format,
    sha256: createHash('sha256').update(file.body).digest('hex'),
    bytes: file.body.length,
  });
  return new Response(new Uint8Array(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}
