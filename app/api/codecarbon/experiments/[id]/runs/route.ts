import { jsonOr404 } from '@/lib/server/http/codecarbon-request';
import { defineRoute } from '@/lib/server/http/define-route';
import { CC_EXPERIMENT_RUNS_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';
import { getCodecarbonExperiment } from '@/lib/server/usage/codecarbon-experiments';
import { findCodecarbonRuns } from '@/lib/server/usage/codecarbon-live';

// CodeCarbon-compatible `GET /experiments/{id}/runs`: the live runs created with this experiment id. 404 when the
// id is neither an experiment of the caller's organisation nor used by one of its runs (another organisation's
// experiment id must look exactly like an unknown one: tenant isolation, as the security notes require).
export const GET = defineRoute(CC_EXPERIMENT_RUNS_ROUTE, async ({ ctx, params }) => {
  const runs = await findCodecarbonRuns(ctx, params.id);
  if (runs.length === 0 && !(await getCodecarbonExperiment(ctx, params.id))) {
    return jsonOr404(null, 'Experiment');
  }
  return Response.json(runs);
});

export const dynamic = 'force-dynamic';
