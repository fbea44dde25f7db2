import { toResponse } from '@/lib/errors';
import { ZCodecarbonEmissionCreate } from '@/lib/schemas/codecarbon-api';
import { parseCodecarbonBody, requireCodecarbonAuth } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { addCodecarbonEmission } from '@/lib/server/usage/codecarbon-live';

// CodeCarbon-compatible `POST {api_endpoint}/emissions`: one delta of a run; the run's record is recomputed.
// 201 + the emission id as a JSON string (also for an absorbed exact retry) · 404 unknown run · 422 invalid.
async function handlePost(request: Request) {
  try {
    const body = await parseCodecarbonBody(request, ZCodecarbonEmissionCreate);
    const ctx = await requireCodecarbonAuth(request, 'writeUsage');
    const { id } = await addCodecarbonEmission(ctx, body, new Date());
    return Response.json(id, { status: 201 });
  } catch (error) {
    return toResponse(error);
  }
}

export const POST = withRateLimit(handlePost);
export const dynamic = 'force-dynamic';
