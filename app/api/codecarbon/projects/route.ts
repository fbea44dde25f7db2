import { toResponse } from '@/lib/errors';
import { ZCodecarbonProjectCreate } from '@/lib/schemas/codecarbon-experiments';
import { parseCodecarbonBody, requireCodecarbonAuth } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { createCodecarbonProject } from '@/lib/server/usage/codecarbon-experiments';

// CodeCarbon-compatible `POST /projects`: the project of that name (created if missing, matched by slug) → 201.
async function handlePost(request: Request) {
  try {
    const body = await parseCodecarbonBody(request, ZCodecarbonProjectCreate);
    const ctx = await requireCodecarbonAuth(request, 'writeUsage');
    return Response.json(await createCodecarbonProject(ctx, body.name), { status: 201 });
  } catch (error) {
    return toResponse(error);
  }
}

export const POST = withRateLimit(handlePost);
export const dynamic = 'force-dynamic';
