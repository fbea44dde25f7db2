import { toResponse } from '@/lib/errors';
import { ZLocationsQuery } from '@/lib/schemas/api-v1-factors';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { findLocations } from '@/lib/server/factors/factor-catalog';
import { parseQuery } from '@/lib/server/http/query';
import { withRateLimit } from '@/lib/server/http/rate-limit';

// Provider regions and on-premise sites → grid zone, PUE, WUE (bundled + overrides); `q` searches.
async function handleGet(request: Request) {
  try {
    const { q } = parseQuery(ZLocationsQuery, new URL(request.url));
    const ctx = await requireRequestAuth(request, 'read');
    return Response.json({ locations: await findLocations(ctx, q ?? null) });
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
