import { defineRoute } from '@/lib/server/http/define-route';
import { CC_AUTH_CHECK_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';

// CodeCarbon-compatible `GET {api_endpoint}/auth/check` (ApiClient.check_auth, used by the CLI): 200 when the
// api key is valid, with who it belongs to.
export const GET = defineRoute(CC_AUTH_CHECK_ROUTE, ({ ctx }) =>
  Response.json({
    id: ctx.userId,
    name: ctx.userName,
    email: ctx.userEmail,
    organization_id: ctx.orgId,
    role: ctx.role,
  }),
);

export const dynamic = 'force-dynamic';
