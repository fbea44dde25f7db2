import { checkDatabase } from '@/lib/server/db/check-database';

// Liveness and database reachability, for the e2e web server and load balancers. No authentication.
export async function GET() {
  const database = await checkDatabase();
  return Response.json({ status: database ? 'ok' : 'degraded', database }, { status: database ? 200 : 503 });
}

export const dynamic = 'force-dynamic';
