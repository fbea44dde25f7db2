import { checkDatabase } from '@/lib/server/db/check-database';
import { defineRoute } from '@/lib/server/http/define-route';
import { HEALTH_ROUTE } from '@/lib/server/http/routes/app-routes';

// Liveness and database reachability, for the e2e web server and load balancers. No authentication.
export const GET = defineRoute(HEALTH_ROUTE, async () => {
  const database = await checkDatabase();
  return Response.json({ status: database ? 'ok' : 'degraded', database }, { status: database ? 200 : 503 });
});

export const dynamic = 'force-dynamic';
