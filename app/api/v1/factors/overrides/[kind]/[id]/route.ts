import { deleteFactorOverride } from '@/lib/server/factors/factor-overrides';
import { defineRoute } from '@/lib/server/http/define-route';
import { FACTOR_OVERRIDE_DELETE_ROUTE } from '@/lib/server/http/routes/factor-routes';

// Removes one of the organisation's overrides (never a bundled factor) and recomputes every record.
export const DELETE = defineRoute(FACTOR_OVERRIDE_DELETE_ROUTE, async ({ ctx, params }) =>
  Response.json(await deleteFactorOverride(ctx, params, { now: new Date() })),
);

export const dynamic = 'force-dynamic';
