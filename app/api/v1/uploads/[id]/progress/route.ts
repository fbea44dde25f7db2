import { AppError } from '@/lib/errors';
import { defineRoute } from '@/lib/server/http/define-route';
import { UPLOAD_PROGRESS_ROUTE } from '@/lib/server/http/routes/upload-routes';
import { getUploadProgress } from '@/lib/server/usage/uploads/upload-progress';

// Live progress of an upload while it is processed (polled by the Uploads page during the POST).
export const GET = defineRoute(UPLOAD_PROGRESS_ROUTE, async ({ ctx, params }) => {
  const progress = await getUploadProgress(ctx, params.id);
  if (!progress) {
    throw new AppError('NOT_FOUND', 'Upload not found.');
  }
  return Response.json(progress, { headers: { 'cache-control': 'no-store' } });
});

export const dynamic = 'force-dynamic';
