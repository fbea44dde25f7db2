import { jsonOr404 } from '@/lib/server/http/codecarbon-request';
import { defineRoute } from '@/lib/server/http/define-route';
import { CC_RUN_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';
import { getCodecarbonRun } from '@/lib/server/usage/codecarbon-live';

// CodeCarbon-compatible `GET /runs/{id}`: the run as created.
export const GET = defineRoute(CC_RUN_ROUTE, async ({ ctx, params }) =>
  jsonOr404(await getCodecarbonRun(ctx, params.id), 'Run'),
);

export const dynamic = 'force-dynamic';
