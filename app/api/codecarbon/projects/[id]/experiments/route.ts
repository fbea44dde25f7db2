import { AppError, toResponse } from '@/lib/errors';
import { requireCodecarbonAuth } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { findCodecarbonExperiments, getCodecarbonProject } from '@/lib/server/usage/codecarbon-experiments';

// CodeCarbon-compatible `GET /projects/{id}/experiments` (ApiClient.list_experiments_from_project).
async function handleGet(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await requireCodecarbonAuth(request, 'read');
    if (!(await getCodecarbonProject(ctx, id))) {
      throw new AppError('NOT_FOUND', 'Project not found in this organisation.');
    }
    return Response.json(await findCodecarbonExperiments(ctx, id));
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
