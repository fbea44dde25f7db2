import { findLocations } from '@/lib/server/factors/factor-catalog';
import { defineRoute } from '@/lib/server/http/define-route';
import { LOCATIONS_ROUTE } from '@/lib/server/http/routes/factor-routes';

// Provider regions and on-premise sites → grid zone, PUE, WUE (bundled + overrides); `q` searches.
export const GET = defineRoute(LOCATIONS_ROUTE, async ({ ctx, query }) =>
  Response.json({ locations: await findLocations(ctx, query.q ?? null) }),
);

export const dynamic = 'force-dynamic';
