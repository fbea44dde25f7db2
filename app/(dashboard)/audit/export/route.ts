import { withRateLimit } from '@/lib/api/rate-limit';
import { AUDIT_CSV_HEADER, auditCsvLine } from '@/lib/audit/audit-csv';
import { requireRequestAuth } from '@/lib/auth/context';
import { csvLine } from '@/lib/dashboard/to-csv';
import { iterateAuditEvents } from '@/lib/data/audit-log';
import { toResponse } from '@/lib/errors';
import { formatDay } from '@/lib/format/date-time';
import { csvStreamResponse } from '@/lib/http/csv-stream-response';
import { parseAuditFilters } from '@/lib/schemas/audit-filters';

// GET /audit/export?<audit filters>: the filtered audit log as CSV (readAudit), streamed in batches.
// Session cookie (browser) or bearer token with the `read` scope (proxy.ts lets those through); rate limited like
// the API. Parse → authorise → lib → respond.
async function handleGet(request: Request) {
  try {
    const filters = parseAuditFilters(new URL(request.url).searchParams);
    const ctx = await requireRequestAuth(request, 'readAudit');
    const day = formatDay(new Date());
    return csvStreamResponse(
      csvLine(AUDIT_CSV_HEADER),
      iterateAuditEvents(ctx, filters),
      auditCsvLine,
      `audit-log-${ctx.orgSlug}-${day}.csv`,
    );
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
