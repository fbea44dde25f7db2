import { AppError } from '@/lib/errors';
import { defineRoute } from '@/lib/server/http/define-route';
import { CC_PROJECT_EXPERIMENTS_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';
import { findCodecarbonExperiments, getCodecarbonProject } from '@/lib/server/usage/codecarbon-experiments';

// CodeCarbon-compatible `GET /projects/{id}/experiments` (ApiClient.list_experiments_from_project).
export const GET = defineRoute(CC_PROJECT_EXPERIMENTS_ROUTE, async ({ ctx, params }) => {
  if (!(await getCodecarbonProject(ctx, params.id))) {
    throw new AppError('NOT_FOUND', 'Project not found in this organisation.');
  }
  return Response.json(await findCodecarbonExperiments(ctx, params.id));
});

export const dynamic = 'force-dynamic';
