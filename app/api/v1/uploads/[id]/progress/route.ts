import { AppError, toResponse } from '@/lib/errors';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { getUploadProgress } from '@/lib/server/usage/uploads/upload-progress';

type TParams = { params: Promise<{ id: string }> };

// Live progress of an upload while it is processed (polled by the Uploads page during the POST).
export async function GET(request: Request, { params }: TParams) {
  try {
    const { id } = await params;
    const ctx = await requireRequestAuth(request, 'read');
    const progress = await getUploadProgress(ctx, id);
    if (!progress) {
      throw new AppError('NOT_FOUND', 'Upload not found.');
    }
    return Response.json(progress, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return toResponse(error);
  }
}

export const dynamic = 'force-dynamic';
