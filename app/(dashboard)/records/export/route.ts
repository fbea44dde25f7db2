import { resolveDateRange } from '@/lib/dashboard/date-range';
import { RECORD_CSV_HEADER, recordCsvLine } from '@/lib/dashboard/record-csv';
import { csvLine } from '@/lib/dashboard/to-csv';
import { toResponse } from '@/lib/errors';
import { formatDay } from '@/lib/format/date-time';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { getDataSpan } from '@/lib/server/dashboard/emission-summaries';
import { csvStreamResponse } from '@/lib/server/http/csv-stream-response';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { getOrgTimeZone } from '@/lib/server/rollups/rollup-plan';
import { iterateUsageRecords } from '@/lib/server/usage/usage-record-list';

// GET /records/export?<dashboard filters>: the filtered records as CSV, streamed in keyset batches.
// Session cookie (browser) or bearer token with the `read` scope (proxy.ts lets those through); rate limited like
// the API. Parse → authorise → lib → respond.
async function handleGet(request: Request) {
  try {
    const filters = parseDashboardFilters(new URL(request.url).searchParams);
    const ctx = await requireRequestAuth(request, 'read');
    const [span, timeZone] = await Promise.all([getDataSpan(ctx), getOrgTimeZone(ctx)]);
    const range = resolveDateRange(filters, new Date(), span, timeZone);
    const day = formatDay(new Date());
    return csvStreamResponse(
      csvLine(RECORD_CSV_HEADER),
      iterateUsageRecords(ctx, filters, range),
      recordCsvLine,
      `usage-records-${day}.csv`,
    );
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
