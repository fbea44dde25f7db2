import { AppError, toResponse } from '@/lib/errors';
import { requireCodecarbonAuth } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { findCodecarbonProjects } from '@/lib/server/usage/codecarbon-experiments';

// CodeCarbon-compatible `GET /organizations/{id}/projects`: our projects, as CodeCarbon projects.
async function handleGet(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await requireCodecarbonAuth(request, 'read');
    if (id !== ctx.orgId) {
      throw new AppError('NOT_FOUND', 'Organisation not found in this organisation.');
    }
    return Response.json(await findCodecarbonProjects(ctx));
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
