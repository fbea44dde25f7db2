import { toResponse } from '@/lib/errors';
import { jsonOr404, requireCodecarbonAuth } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';

// CodeCarbon-compatible `GET /organizations/{id}`: only the token's own organisation is visible.
async function handleGet(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await requireCodecarbonAuth(request, 'read');
    return jsonOr404(
      id === ctx.orgId ? { id: ctx.orgId, name: ctx.orgName, description: null } : null,
      'Organisation',
    );
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
