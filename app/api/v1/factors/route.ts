import { findZoneFactors } from '@/lib/server/factors/factor-catalog';
import { defineRoute } from '@/lib/server/http/define-route';
import { FACTORS_ROUTE } from '@/lib/server/http/routes/factor-routes';

// Grid intensities (gCO2e/kWh) of one zone: bundled yearly/monthly factors and the organisation's overrides.
export const GET = defineRoute(FACTORS_ROUTE, async ({ ctx, query }) =>
  Response.json({ zone: query.zone.toUpperCase(), factors: await findZoneFactors(ctx, query.zone) }),
);

export const dynamic = 'force-dynamic';
