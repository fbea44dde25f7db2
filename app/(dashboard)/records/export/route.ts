import { requireRequestAuth } from '@/lib/auth/context';
import { resolveDateRange } from '@/lib/dashboard/date-range';
import { RECORD_CSV_HEADER, recordCsvLine } from '@/lib/dashboard/record-csv';
import { csvLine } from '@/lib/dashboard/to-csv';
import { getDataSpan } from '@/lib/data/emission-summaries';
import { iterateUsageRecords } from '@/lib/data/usage-record-list';
import { toResponse } from '@/lib/errors';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';

// GET /records/export?<dashboard filters>: the filtered records as CSV, streamed in keyset batches.
// Parse → authorise → lib → respond.
export async function GET(request: Request) {
  try {
    const filters = parseDashboardFilters(new URL(request.url).searchParams);
    const ctx = await requireRequestAuth(request, 'read');
    const range = resolveDateRange(filters, new Date(), await getDataSpan(ctx));
    const batches = iterateUsageRecords(ctx, filters, range);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(csvLine(RECORD_CSV_HEADER)));
      },
      async pull(controller) {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map(recordCsvLine).join('')));
      },
      async cancel() {
        await batches.return(undefined);
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="usage-records-${day}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return toResponse(error);
  }
}

export const dynamic = 'force-dynamic';
