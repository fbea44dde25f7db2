import { toResponse } from '@/lib/errors';
import { jsonOr404, requireCodecarbonAuth } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { getCodecarbonRun } from '@/lib/server/usage/codecarbon-live';

// CodeCarbon-compatible `GET /runs/{id}`: the run as created.
async function handleGet(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await requireCodecarbonAuth(request, 'read');
    return jsonOr404(await getCodecarbonRun(ctx, id), 'Run');
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
