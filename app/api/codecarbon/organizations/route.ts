import { defineRoute } from '@/lib/server/http/define-route';
import { CC_ORGANIZATIONS_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';

// CodeCarbon-compatible `GET /organizations`: the token's organisation (a token belongs to exactly one).
export const GET = defineRoute(CC_ORGANIZATIONS_ROUTE, ({ ctx }) =>
  Response.json([{ id: ctx.orgId, name: ctx.orgName, description: null }]),
);

export const dynamic = 'force-dynamic';
