import { defineRoute } from '@/lib/server/http/define-route';
import { UPLOAD_CREATE_ROUTE, UPLOAD_LIST_ROUTE } from '@/lib/server/http/routes/upload-routes';
import { findUploads, getUploadWithErrors } from '@/lib/server/usage/uploads/upload-queries';
import { readUploadRequest, toParseOptions } from '@/lib/server/usage/uploads/upload-request';
import { ingestUpload, uploadMaxBytes } from '@/lib/server/usage/uploads/uploads';

// Upload a usage file: multipart `file` or a raw text/csv body (a stream, read by the upload reader); see
// the CSV format guide ("API"). 201 created · 200 same file already uploaded · 422 invalid file (nothing stored) ·
// 413 too large.
export const POST = defineRoute(UPLOAD_CREATE_ROUTE, async ({ ctx, request }) => {
  const { params, input } = await readUploadRequest(request, uploadMaxBytes());
  const { upload, repeated } = await ingestUpload(ctx, {
    ...input,
    parse: toParseOptions(params),
    validOnly: params.validOnly,
    ...(params.uploadId ? { uploadId: params.uploadId } : {}),
  });
  const body = await getUploadWithErrors(ctx, upload.id);
  if (upload.status === 'failed') {
    const message = `The file has ${upload.errorCount} error(s); nothing was stored.`;
    return Response.json({ ...body, error: { message, code: 'INVALID_CSV', status: 422 } }, { status: 422 });
  }
  return Response.json(body, { status: repeated ? 200 : 201 });
});

export const GET = defineRoute(UPLOAD_LIST_ROUTE, async ({ ctx }) =>
  Response.json({ uploads: await findUploads(ctx) }),
);

export const dynamic = 'force-dynamic';
