import { AppError } from '@/lib/errors';
import { defineRoute } from '@/lib/server/http/define-route';
import { toRecordDetail } from '@/lib/server/http/record-detail';
import { RECORD_ROUTE } from '@/lib/server/http/routes/v1-routes';
import { getUsageRecordDetail } from '@/lib/server/usage/usage-record-detail';

// One stored record with its results and provenance (the JSON twin of /records/{id}).
export const GET = defineRoute(RECORD_ROUTE, async ({ ctx, params }) => {
  const record = await getUsageRecordDetail(ctx, params.id);
  if (!record) {
    throw new AppError('NOT_FOUND', 'Record not found.');
  }
  return Response.json(toRecordDetail(record));
});

export const dynamic = 'force-dynamic';
