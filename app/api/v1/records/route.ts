import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { decodeCursor, encodeCursor } from '@/lib/server/http/cursor';
import { defineRoute } from '@/lib/server/http/define-route';
import { rangeFromDays } from '@/lib/server/http/query';
import { RECORDS_LIST_ROUTE, RECORDS_STORE_ROUTE } from '@/lib/server/http/routes/v1-routes';
import { recordErrorsResponse, validateRecordBatch } from '@/lib/server/http/validate-records';
import { instanceTypeErrors, storeApiRecords } from '@/lib/server/usage/api-estimate';
import { findUsageRecordsAfter } from '@/lib/server/usage/usage-record-list';

// Stored records with their results, oldest first, cursor-paginated on (started_at, id).
export const GET = defineRoute(RECORDS_LIST_ROUTE, async ({ ctx, query, request }) => {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const filters = parseDashboardFilters(new URL(request.url).searchParams);
  const range = rangeFromDays(filters.from, filters.to);
  const rows = await findUsageRecordsAfter(ctx, filters, range, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return Response.json({
    data: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  });
});

// Batch ingest of canonical records: all or nothing, idempotent by recordId (else content hash), like CSV.
// 201 counts · 422 row errors, nothing stored · 413 more than 10,000 records.
export const POST = defineRoute(RECORDS_STORE_ROUTE, async ({ ctx, body }) => {
  const now = new Date();
  const { records, errors } = validateRecordBatch(body, now);
  if (errors.length > 0) {
    return recordErrorsResponse(errors);
  }
  const instanceErrors = await instanceTypeErrors(ctx, records);
  if (instanceErrors.length > 0) {
    return recordErrorsResponse(instanceErrors);
  }
  return Response.json(await storeApiRecords(ctx, records, now), { status: 201 });
});

export const dynamic = 'force-dynamic';
