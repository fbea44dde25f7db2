import { parseQuery } from '@/lib/api/query';
import { withRateLimit } from '@/lib/api/rate-limit';
import { requireRequestAuth } from '@/lib/auth/context';
import { findLocations } from '@/lib/data/factor-catalog';
import { toResponse } from '@/lib/errors';
import { ZLocationsQuery } from '@/lib/schemas/api-v1-factors';

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
