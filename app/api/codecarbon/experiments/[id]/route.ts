import { toResponse } from '@/lib/errors';
import { jsonOr404, requireCodecarbonAuth } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { getCodecarbonExperiment } from '@/lib/server/usage/codecarbon-experiments';

// CodeCarbon-compatible `GET /experiments/{id}` (ApiClient.get_experiment).
async function handleGet(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await requireCodecarbonAuth(request, 'read');
    const experiment = await getCodecarbonExperiment(ctx, id);
    if (!experiment) {
      return jsonOr404(null, 'Experiment');
    }
    const { project_name: _projectName, country_alpha2: _alpha2, ...body } = experiment;
    return Response.json(body);
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
