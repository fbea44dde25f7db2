import { withRateLimit } from '@/lib/api/rate-limit';
import { requireRequestAuth } from '@/lib/auth/context';
import { resolveDateRange } from '@/lib/dashboard/date-range';
import { RECORD_CSV_HEADER, recordCsvLine } from '@/lib/dashboard/record-csv';
import { csvLine } from '@/lib/dashboard/to-csv';
import { getDataSpan } from '@/lib/data/emission-summaries';
import { getOrgTimeZone } from '@/lib/data/rollup-plan';
import { iterateUsageRecords } from '@/lib/data/usage-record-list';
import { toResponse } from '@/lib/errors';
import { formatDay } from '@/lib/format/date-time';
import { csvStreamResponse } from '@/lib/http/csv-stream-response';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';

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
