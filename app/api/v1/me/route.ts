import { defineRoute } from '@/lib/server/http/define-route';
import { ME_ROUTE } from '@/lib/server/http/routes/v1-routes';

// Who the caller is: lets a machine check its bearer token.
export const GET = defineRoute(ME_ROUTE, ({ ctx }) =>
  Response.json({
    organization: { id: ctx.orgId, slug: ctx.orgSlug, name: ctx.orgName },
    userId: ctx.userId,
    role: ctx.role,
    via: ctx.via,
  }),
);

export const dynamic = 'force-dynamic';
