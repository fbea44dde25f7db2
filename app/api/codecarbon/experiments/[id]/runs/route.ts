import { toResponse } from '@/lib/errors';
import { jsonOr404, requireCodecarbonAuth } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { getCodecarbonExperiment } from '@/lib/server/usage/codecarbon-experiments';
import { findCodecarbonRuns } from '@/lib/server/usage/codecarbon-live';

// CodeCarbon-compatible `GET /experiments/{id}/runs`: the live runs created with this experiment id. 404 when the
// id is neither an experiment of the caller's organisation nor used by one of its runs (another organisation's
// experiment id must look exactly like an unknown one: tenant isolation, docs/SECURITY.md).
async function handleGet(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await requireCodecarbonAuth(request, 'read');
    const runs = await findCodecarbonRuns(ctx, id);
    if (runs.length === 0 && !(await getCodecarbonExperiment(ctx, id))) {
      return jsonOr404(null, 'Experiment');
    }
    return Response.json(runs);
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
