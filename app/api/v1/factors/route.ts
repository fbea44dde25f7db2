import { toResponse } from '@/lib/errors';
import { ZFactorsQuery } from '@/lib/schemas/api-v1-factors';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { findZoneFactors } from '@/lib/server/factors/factor-catalog';
import { parseQuery } from '@/lib/server/http/query';
import { withRateLimit } from '@/lib/server/http/rate-limit';

// Grid intensities (gCO2e/kWh) of one zone: bundled yearly/monthly factors and the organisation's overrides.
async function handleGet(request: Request) {
  try {
    const { zone } = parseQuery(ZFactorsQuery, new URL(request.url));
    const ctx = await requireRequestAuth(request, 'read');
    return Response.json({ zone: zone.toUpperCase(), factors: await findZoneFactors(ctx, zone) });
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
