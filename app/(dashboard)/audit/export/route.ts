import { AUDIT_CSV_HEADER, auditCsvLine } from '@/lib/audit/audit-csv';
import { csvLine } from '@/lib/dashboard/to-csv';
import { toResponse } from '@/lib/errors';
import { formatDay } from '@/lib/format/date-time';
import { parseAuditFilters } from '@/lib/schemas/audit-filters';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { iterateAuditEvents } from '@/lib/server/audit/audit-log';
import { csvStreamResponse } from '@/lib/server/http/csv-stream-response';
import { withRateLimit } from '@/lib/server/http/rate-limit';

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
