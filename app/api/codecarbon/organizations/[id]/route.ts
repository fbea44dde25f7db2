import { jsonOr404 } from '@/lib/server/http/codecarbon-request';
import { defineRoute } from '@/lib/server/http/define-route';
import { CC_ORGANIZATION_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';

// CodeCarbon-compatible `GET /organizations/{id}`: only the token's own organisation is visible.
export const GET = defineRoute(CC_ORGANIZATION_ROUTE, ({ ctx, params }) =>
  jsonOr404(
    params.id === ctx.orgId ? { id: ctx.orgId, name: ctx.orgName, description: null } : null,
    'Organisation',
  ),
);

export const dynamic = 'force-dynamic';
