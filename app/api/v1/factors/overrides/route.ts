import { AppError } from '@/lib/errors';
import { OVERRIDE_SCHEMAS } from '@/lib/schemas/api-v1-factors';
import {
  createAcceleratorOverride,
  createGridFactorOverride,
  createLocationOverride,
} from '@/lib/server/factors/factor-overrides';
import { defineRoute } from '@/lib/server/http/define-route';
import { FACTOR_OVERRIDE_CREATE_ROUTE } from '@/lib/server/http/routes/factor-routes';

// Adds an organisation override (grid factor, location PUE/WUE, accelerator) and recomputes every record with
// it (restatements logged, as on the Factors page). 201 + the recompute counts. The wrapper parsed `{ kind,
// override }`; the override is parsed here with its kind's schema.
export const POST = defineRoute(FACTOR_OVERRIDE_CREATE_ROUTE, async ({ ctx, body }) => {
  const parsed = OVERRIDE_SCHEMAS[body.kind].safeParse(body.override);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      field: `override.${i.path.join('.')}`,
      message: i.message,
    }));
    throw new AppError('INVALID_RECORDS', `Invalid ${details[0]?.field}: ${details[0]?.message}`, details);
  }
  const now = { now: new Date() };
  const input = parsed.data as never;
  const result =
    body.kind === 'grid'
      ? await createGridFactorOverride(ctx, input, now)
      : body.kind === 'location'
        ? await createLocationOverride(ctx, input, now)
        : await createAcceleratorOverride(ctx, input, now);
  return Response.json(result, { status: 201 });
});

export const dynamic = 'force-dynamic';
