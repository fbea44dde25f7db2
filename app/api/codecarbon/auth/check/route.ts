import { toResponse } from '@/lib/errors';
import { requireCodecarbonAuth } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';

// CodeCarbon-compatible `GET {api_endpoint}/auth/check` (ApiClient.check_auth, used by the CLI): 200 when the
// api key is valid, with who it belongs to.
async function handleGet(request: Request) {
  try {
    const ctx = await requireCodecarbonAuth(request, 'read');
    return Response.json({
      id: ctx.userId,
      name: ctx.userName,
      email: ctx.userEmail,
      organization_id: ctx.orgId,
      role: ctx.role,
    });
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
