import { toResponse } from '@/lib/errors';
import { ZRecordsQuery } from '@/lib/schemas/api-v1';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { decodeCursor, encodeCursor } from '@/lib/server/http/cursor';
import { parseQuery, rangeFromDays } from '@/lib/server/http/query';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { readJsonBody, recordErrorsResponse, validateRecordBatch } from '@/lib/server/http/validate-records';
import { storeApiRecords } from '@/lib/server/usage/api-estimate';
import { findUsageRecordsAfter } from '@/lib/server/usage/usage-record-list';

// Stored records with their results, oldest first, cursor-paginated on (started_at, id).
async function handleGet(request: Request) {
  try {
    const url = new URL(request.url);
    const query = parseQuery(ZRecordsQuery, url);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const ctx = await requireRequestAuth(request, 'read');
    const filters = parseDashboardFilters(url.searchParams);
    const range = rangeFromDays(filters.from, filters.to);
    const rows = await findUsageRecordsAfter(ctx, filters, range, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return Response.json({
      data: page,
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    });
  } catch (error) {
    return toResponse(error);
  }
}

// Batch ingest of canonical records: all or nothing, idempotent by recordId (else content hash), like CSV.
// 201 counts · 422 row errors, nothing stored · 413 more than 10,000 records.
async function handlePost(request: Request) {
  try {
    const ctx = await requireRequestAuth(request, 'writeUsage');
    const now = new Date();
    const { records, errors } = validateRecordBatch(await readJsonBody(request), now);
    if (errors.length > 0) {
      return recordErrorsResponse(errors);
    }
    const counts = await storeApiRecords(ctx, records, now);
    return Response.json(counts, { status: 201 });
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const POST = withRateLimit(handlePost);
export const dynamic = 'force-dynamic';
