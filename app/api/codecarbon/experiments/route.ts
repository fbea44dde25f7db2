import { toResponse } from '@/lib/errors';
import { ZCodecarbonExperimentCreate } from '@/lib/schemas/codecarbon-experiments';
import { parseCodecarbonBody, requireCodecarbonAuth } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { createCodecarbonExperiment } from '@/lib/server/usage/codecarbon-experiments';

// CodeCarbon-compatible `POST /experiments` (ApiClient.add_experiment): where the runs execute, plus our `pue`
// and `wue` extensions; 201 + the experiment (its id goes into the tracker's experiment_id).
async function handlePost(request: Request) {
  try {
    const body = await parseCodecarbonBody(request, ZCodecarbonExperimentCreate);
    const ctx = await requireCodecarbonAuth(request, 'writeUsage');
    return Response.json(await createCodecarbonExperiment(ctx, body), { status: 201 });
  } catch (error) {
    return toResponse(error);
  }
}

export const POST = withRateLimit(handlePost);
export const dynamic = 'force-dynamic';
