import { AppError } from '@/lib/errors';
import { defineRoute } from '@/lib/server/http/define-route';
import { UPLOAD_DELETE_ROUTE, UPLOAD_ROUTE } from '@/lib/server/http/routes/upload-routes';
import { deleteUpload } from '@/lib/server/usage/uploads/delete-upload';
import { getUploadWithErrors } from '@/lib/server/usage/uploads/upload-queries';

export const GET = defineRoute(UPLOAD_ROUTE, async ({ ctx, params }) => {
  const upload = await getUploadWithErrors(ctx, params.id);
  if (!upload) {
    throw new AppError('NOT_FOUND', 'Upload not found.');
  }
  return Response.json(upload);
});

export const DELETE = defineRoute(UPLOAD_DELETE_ROUTE, async ({ ctx, params }) =>
  Response.json({ id: params.id, deleted: true, ...(await deleteUpload(ctx, params.id)) }),
);

export const dynamic = 'force-dynamic';
