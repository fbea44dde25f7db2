import { jsonOr404 } from '@/lib/server/http/codecarbon-request';
import { defineRoute } from '@/lib/server/http/define-route';
import { CC_EXPERIMENT_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';
import { getCodecarbonExperiment } from '@/lib/server/usage/codecarbon-experiments';

// CodeCarbon-compatible `GET /experiments/{id}` (ApiClient.get_experiment).
export const GET = defineRoute(CC_EXPERIMENT_ROUTE, async ({ ctx, params }) => {
  const experiment = await getCodecarbonExperiment(ctx, params.id);
  if (!experiment) {
    return jsonOr404(null, 'Experiment');
  }
  const { project_name: _projectName, country_alpha2: _alpha2, ...body } = experiment;
  return Response.json(body);
});

export const dynamic = 'force-dynamic';
