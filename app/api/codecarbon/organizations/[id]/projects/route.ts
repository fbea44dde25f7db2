import { AppError } from '@/lib/errors';
import { defineRoute } from '@/lib/server/http/define-route';
import { CC_ORGANIZATION_PROJECTS_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';
import { findCodecarbonProjects } from '@/lib/server/usage/codecarbon-experiments';

// CodeCarbon-compatible `GET /organizations/{id}/projects`: our projects, as CodeCarbon projects.
export const GET = defineRoute(CC_ORGANIZATION_PROJECTS_ROUTE, async ({ ctx, params }) => {
  if (params.id !== ctx.orgId) {
    throw new AppError('NOT_FOUND', 'Organisation not found in this organisation.');
  }
  return Response.json(await findCodecarbonProjects(ctx));
});

export const dynamic = 'force-dynamic';
