import { defineRoute } from '@/lib/server/http/define-route';
import { CC_EXPERIMENT_CREATE_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';
import { createCodecarbonExperiment } from '@/lib/server/usage/codecarbon-experiments';

// CodeCarbon-compatible `POST /experiments` (ApiClient.add_experiment): where the runs execute, plus our `pue`
// and `wue` extensions; 201 + the experiment (its id goes into the tracker's experiment_id).
export const POST = defineRoute(CC_EXPERIMENT_CREATE_ROUTE, async ({ ctx, body }) =>
  Response.json(await createCodecarbonExperiment(ctx, body), { status: 201 }),
);

export const dynamic = 'force-dynamic';
