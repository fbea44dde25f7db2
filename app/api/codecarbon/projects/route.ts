import { parseCodecarbonBody, requireCodecarbonAuth } from '@/lib/api/codecarbon-request';
import { withRateLimit } from '@/lib/api/rate-limit';
import { createCodecarbonProject } from '@/lib/data/codecarbon-experiments';
import { toResponse } from '@/lib/errors';
import { ZCodecarbonProjectCreate } from '@/lib/schemas/codecarbon-experiments';

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
