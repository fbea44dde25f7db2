import { toResponse } from '@/lib/errors';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { findUploads, getUploadWithErrors } from '@/lib/server/usage/uploads/upload-queries';
import { readUploadRequest, toParseOptions } from '@/lib/server/usage/uploads/upload-request';
import { ingestUpload, uploadMaxBytes } from '@/lib/server/usage/uploads/uploads';

// Upload a usage file: multipart `file` or a raw text/csv body; see docs/CSV_FORMAT.md ("API").
// 201 created · 200 same file already uploaded · 422 invalid file (nothing stored) · 413 too large.
async function handlePost(request: Request) {
  try {
    const ctx = await requireRequestAuth(request, 'writeUsage');
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
      return Response.json(
        { ...body, error: { message, code: 'INVALID_CSV', status: 422 } },
        { status: 422 },
      );
    }
    return Response.json(body, { status: repeated ? 200 : 201 });
  } catch (error) {
    return toResponse(error);
  }
}

async function handleGet(request: Request) {
  try {
    const ctx = await requireRequestAuth(request, 'read');
    return Response.json({ uploads: await findUploads(ctx) });
  } catch (error) {
    return toResponse(error);
  }
}

export const POST = withRateLimit(handlePost);
export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
