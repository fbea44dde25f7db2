import { toResponse } from '@/lib/errors';
import { requireCodecarbonAuth } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';

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
