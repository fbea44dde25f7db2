import { requireCodecarbonAuth } from '@/lib/api/codecarbon-request';
import { withRateLimit } from '@/lib/api/rate-limit';
import { toResponse } from '@/lib/errors';

// CodeCarbon-compatible `GET /organizations`: the token's organisation (a token belongs to exactly one).
async function handleGet(request: Request) {
  try {
    const ctx = await requireCodecarbonAuth(request, 'read');
    return Response.json([{ id: ctx.orgId, name: ctx.orgName, description: null }]);
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
