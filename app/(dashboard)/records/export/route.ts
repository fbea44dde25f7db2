import { resolveDateRange } from '@/lib/dashboard/date-range';
import { RECORD_CSV_HEADER, recordCsvLine } from '@/lib/dashboard/record-csv';
import { csvLine } from '@/lib/dashboard/to-csv';
import { formatDay } from '@/lib/format/date-time';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { getDataSpan } from '@/lib/server/dashboard/emission-summaries';
import { csvStreamResponse } from '@/lib/server/http/csv-stream-response';
import { defineRoute } from '@/lib/server/http/define-route';
import { requestNow } from '@/lib/server/http/request-clock';
import { RECORDS_EXPORT_ROUTE } from '@/lib/server/http/routes/app-routes';
import { getOrgTimeZone } from '@/lib/server/rollups/rollup-plan';
import { iterateUsageRecords } from '@/lib/server/usage/usage-record-list';

// GET /records/export?<dashboard filters>: the filtered records as CSV, streamed in keyset batches.
// Session cookie (browser) or bearer token with the `read` scope (proxy.ts lets those through); rate limited like
// the API.
export const GET = defineRoute(RECORDS_EXPORT_ROUTE, async ({ ctx, request }) => {
  const filters = parseDashboardFilters(new URL(request.url).searchParams);
  const [span, timeZone] = await Promise.all([getDataSpan(ctx), getOrgTimeZone(ctx)]);
  const range = resolveDateRange(filters, requestNow(), span, timeZone);
  return csvStreamResponse(
    csvLine(RECORD_CSV_HEADER),
    iterateUsageRecords(ctx, filters, range),
    recordCsvLine,
    `usage-records-${formatDay(new Date())}.csv`,
  );
});

export const dynamic = 'force-dynamic';
