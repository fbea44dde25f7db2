import { AUDIT_CSV_HEADER, auditCsvLine } from '@/lib/audit/audit-csv';
import { requireRequestAuth } from '@/lib/auth/context';
import { csvLine } from '@/lib/dashboard/to-csv';
import { iterateAuditEvents } from '@/lib/data/audit-log';
import { toResponse } from '@/lib/errors';
import { parseAuditFilters } from '@/lib/schemas/audit-filters';

// GET /audit/export?<audit filters>: the filtered audit log as CSV (readAudit), streamed in batches.
// Parse → authorise → lib → respond.
export async function GET(request: Request) {
  try {
    const filters = parseAuditFilters(new URL(request.url).searchParams);
    const ctx = await requireRequestAuth(request, 'readAudit');
    const batches = iterateAuditEvents(ctx, filters);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(csvLine(AUDIT_CSV_HEADER)));
      },
      async pull(controller) {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map(auditCsvLine).join('')));
      },
      async cancel() {
        await batches.return(undefined);
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-log-${ctx.orgSlug}-${day}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return toResponse(error);
  }
}

export const dynamic = 'force-dynamic';
