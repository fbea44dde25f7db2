import { toResponse } from '@/lib/errors';
import { ZCodecarbonRunCreate } from '@/lib/schemas/codecarbon-api';
import { parseCodecarbonBody, requireCodecarbonAuth } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { createCodecarbonRun } from '@/lib/server/usage/codecarbon-live';

// CodeCarbon-compatible `POST {api_endpoint}/runs` (api_endpoint = https://<host>/api/codecarbon): 201 + the run.
async function handlePost(request: Request) {
  try {
    const body = await parseCodecarbonBody(request, ZCodecarbonRunCreate);
    const ctx = await requireCodecarbonAuth(request, 'writeUsage');
    const { id } = await createCodecarbonRun(ctx, body, new Date());
    return Response.json({ ...body, id }, { status: 201 });
  } catch (error) {
    return toResponse(error);
  }
}

export const POST = withRateLimit(handlePost);
export const dynamic = 'force-dynamic';
