import { requireCodecarbonAuth } from '@/lib/api/codecarbon-request';
import { withRateLimit } from '@/lib/api/rate-limit';
import { findCodecarbonRuns } from '@/lib/data/codecarbon-live';
import { toResponse } from '@/lib/errors';

// CodeCarbon-compatible `GET /experiments/{id}/runs`: the live runs created with this experiment id.
async function handleGet(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await requireCodecarbonAuth(request, 'read');
    return Response.json(await findCodecarbonRuns(ctx, id));
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
