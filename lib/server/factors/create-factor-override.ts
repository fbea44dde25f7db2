import 'server-only';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { OVERRIDE_SCHEMAS, type ZFactorOverrideEnvelope } from '@/lib/schemas/api-v1-factors';
import {
  createAcceleratorOverride,
  createGridFactorOverride,
  createLocationOverride,
} from './factor-overrides';

/**
 * POST /api/v1/factors/overrides: `{ kind, override }` (the envelope, parsed by the route wrapper) → the override
 * parsed with its kind's schema (422 with `override.<field>` paths) → created, every record recomputed.
 */
export async function createFactorOverride(
  ctx: Parameters<typeof createGridFactorOverride>[0],
  body: z.output<typeof ZFactorOverrideEnvelope>,
  now: Date,
) {
  const parsed = OVERRIDE_SCHEMAS[body.kind].safeParse(body.override);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      field: `override.${i.path.join('.')}`,
      message: i.message,
    }));
    throw new AppError('INVALID_RECORDS', `Invalid ${details[0]?.field}: ${details[0]?.message}`, details);
  }
  // The kind picked the schema above, so the parsed input is that kind's.
  const input = parsed.data as never;
  switch (body.kind) {
    case 'grid':
      return createGridFactorOverride(ctx, input, { now });
    case 'location':
      return createLocationOverride(ctx, input, { now });
    default:
      return createAcceleratorOverride(ctx, input, { now });
  }
}
