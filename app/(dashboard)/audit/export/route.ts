import { AUDIT_CSV_HEADER, auditCsvLine } from '@/lib/audit/audit-csv';
import { csvLine } from '@/lib/dashboard/to-csv';
import { formatDay } from '@/lib/format/date-time';
import { parseAuditFilters } from '@/lib/schemas/audit-filters';
import { iterateAuditEvents } from '@/lib/server/audit/audit-log';
import { csvStreamResponse } from '@/lib/server/http/csv-stream-response';
import { defineRoute } from '@/lib/server/http/define-route';
import { AUDIT_EXPORT_ROUTE } from '@/lib/server/http/routes/app-routes';

// GET /audit/export?<audit filters>: the filtered audit log as CSV (readAudit), streamed in batches.
// Session cookie (browser) or bearer token with the `read` scope (proxy.ts lets those through); rate limited like
// the API.
export const GET = defineRoute(AUDIT_EXPORT_ROUTE, async ({ ctx, request }) =>
  csvStreamResponse(
    csvLine(AUDIT_CSV_HEADER),
    iterateAuditEvents(ctx, parseAuditFilters(new URL(request.url).searchParams)),
    auditCsvLine,
    `audit-log-${ctx.orgSlug}-${formatDay(new Date())}.csv`,
  ),
);

export const dynamic = 'force-dynamic';
