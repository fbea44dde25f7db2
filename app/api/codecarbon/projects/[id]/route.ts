import { jsonOr404 } from '@/lib/server/http/codecarbon-request';
import { defineRoute } from '@/lib/server/http/define-route';
import { CC_PROJECT_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';
import { getCodecarbonProject } from '@/lib/server/usage/codecarbon-experiments';

// CodeCarbon-compatible `GET /projects/{id}`.
export const GET = defineRoute(CC_PROJECT_ROUTE, async ({ ctx, params }) =>
  jsonOr404(await getCodecarbonProject(ctx, params.id), 'Project'),
);

export const dynamic = 'force-dynamic';
