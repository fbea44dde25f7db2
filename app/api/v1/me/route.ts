import { toResponse } from '@/lib/errors';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { withRateLimit } from '@/lib/server/http/rate-limit';

// Who the caller is: lets a machine check its bearer token. Parse → authorise → respond.
async function handleGet(request: Request) {
  try {
    const ctx = await requireRequestAuth(request, 'read');
    return Response.json({
      organization: { id: ctx.orgId, slug: ctx.orgSlug, name: ctx.orgName },
      userId: ctx.userId,
      role: ctx.role,
      via: ctx.via,
    });
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
