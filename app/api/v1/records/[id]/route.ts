import { AppError, toResponse } from '@/lib/errors';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { toRecordDetail } from '@/lib/server/http/record-detail';
import { getUsageRecordDetail } from '@/lib/server/usage/usage-record-detail';

// One stored record with its results and provenance (the JSON twin of /records/{id}).
async function handleGet(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await requireRequestAuth(request, 'read');
    const record = await getUsageRecordDetail(ctx, id);
    if (!record) {
      throw new AppError('NOT_FOUND', 'Record not found.');
    }
    return Response.json(toRecordDetail(record));
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
