import { AppError, toResponse } from '@/lib/errors';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { deleteUpload } from '@/lib/server/usage/uploads/delete-upload';
import { getUploadWithErrors } from '@/lib/server/usage/uploads/upload-queries';

type TParams = { params: Promise<{ id: string }> };

async function handleGet(request: Request, { params }: TParams) {
  try {
    const { id } = await params;
    const ctx = await requireRequestAuth(request, 'read');
    const upload = await getUploadWithErrors(ctx, id);
    if (!upload) {
      throw new AppError('NOT_FOUND', 'Upload not found.');
    }
    return Response.json(upload);
  } catch (error) {
    return toResponse(error);
  }
}

async function handleDelete(request: Request, { params }: TParams) {
  try {
    const { id } = await params;
    const ctx = await requireRequestAuth(request, 'writeUsage');
    const result = await deleteUpload(ctx, id);
    return Response.json({ id, deleted: true, ...result });
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const DELETE = withRateLimit(handleDelete);
export const dynamic = 'force-dynamic';
