import { AppError, toResponse } from '@/lib/errors';
import { OVERRIDE_SCHEMAS, ZFactorOverrideEnvelope } from '@/lib/schemas/api-v1-factors';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import {
  createAcceleratorOverride,
  createGridFactorOverride,
  createLocationOverride,
} from '@/lib/server/factors/factor-overrides';
import { parseJsonBody } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';

// Adds an organisation override (grid factor, location PUE/WUE, accelerator) and recomputes every record with
// it (restatements logged, as on the Factors page). 201 + the recompute counts.
async function handlePost(request: Request) {
  try {
    const body = await parseJsonBody(request, ZFactorOverrideEnvelope);
    const parsed = OVERRIDE_SCHEMAS[body.kind].safeParse(body.override);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({
        field: `override.${i.path.join('.')}`,
        message: i.message,
      }));
      throw new AppError('INVALID_RECORDS', `Invalid ${details[0]?.field}: ${details[0]?.message}`, details);
    }
    const ctx = await requireRequestAuth(request, 'manageOrganization');
    const now = { now: new Date() };
    const input = parsed.data as never;
    const result =
      body.kind === 'grid'
        ? await createGridFactorOverride(ctx, input, now)
        : body.kind === 'location'
          ? await createLocationOverride(ctx, input, now)
          : await createAcceleratorOverride(ctx, input, now);
    return Response.json(result, { status: 201 });
  } catch (error) {
    return toResponse(error);
  }
}

export const POST = withRateLimit(handlePost);
export const dynamic = 'force-dynamic';
