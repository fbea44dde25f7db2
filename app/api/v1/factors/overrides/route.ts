import { createFactorOverride } from '@/lib/server/factors/create-factor-override';
import { defineRoute } from '@/lib/server/http/define-route';
import { FACTOR_OVERRIDE_CREATE_ROUTE } from '@/lib/server/http/routes/factor-routes';

// Adds an organisation override (grid factor, location PUE/WUE, accelerator) and recomputes every record with
// it (restatements logged, as on the Factors page). 201 + the recompute counts.
export const POST = defineRoute(FACTOR_OVERRIDE_CREATE_ROUTE, async ({ ctx, body }) =>
  Response.json(await createFactorOverride(ctx, body, new Date()), { status: 201 }),
);

export const dynamic = 'force-dynamic';
