import { AppError, toResponse } from '@/lib/errors';
import { ZDeleteFactorOverrideInput } from '@/lib/schemas/factor-override';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { deleteFactorOverride } from '@/lib/server/factors/factor-overrides';
import { withRateLimit } from '@/lib/server/http/rate-limit';

type TParams = { params: Promise<{ kind: string; id: string }> };

// Removes one of the organisation's overrides (never a bundled factor) and recomputes every record.
async function handleDelete(request: Request, { params }: TParams) {
  try {
    const parsed = ZDeleteFactorOverrideInput.safeParse(await params);
    if (!parsed.success) {
      throw new AppError('INVALID_INPUT', 'kind must be grid, location or accelerator.');
    }
    const ctx = await requireRequestAuth(request, 'manageOrganization');
    const result = await deleteFactorOverride(ctx, parsed.data, { now: new Date() });
    return Response.json(result);
  } catch (error) {
    return toResponse(error);
  }
}

export const DELETE = withRateLimit(handleDelete);
export const dynamic = 'force-dynamic';
