import { toNextJsHandler } from 'better-auth/next-js';
import { getAuthServer } from '@/lib/server/access/auth-server';
import { defineRoute } from '@/lib/server/http/define-route';
import { AUTH_GET_ROUTE, AUTH_POST_ROUTE } from '@/lib/server/http/routes/app-routes';

// Better Auth's HTTP endpoints (sign-in/email, sign-out, get-session) for API clients and tests: passed through
// untouched, inside the wrapper only so an unexpected error is logged and answered like every other route's.
export const GET = defineRoute(AUTH_GET_ROUTE, ({ request }) =>
  toNextJsHandler(getAuthServer()).GET(request),
);

export const POST = defineRoute(AUTH_POST_ROUTE, ({ request }) =>
  toNextJsHandler(getAuthServer()).POST(request),
);
