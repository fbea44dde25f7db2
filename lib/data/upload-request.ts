import 'server-only';
import { AppError } from '@/lib/errors';
import { type TUploadParams, ZUploadParams } from '@/lib/schemas/upload';
import { readChunks } from '@/lib/utils/read-chunks';
import { readMultipartUpload } from './multipart-upload';
import type { TIngestUploadInput } from './uploads';

/** Multipart envelope overhead allowed on top of the file size limit when checking Content-Length early. */
const MULTIPART_SLACK_BYTES = 64 * 1024;

function paramsFrom(entries: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (typeof value === 'string') {
      out[key] = value;
    }
  }
  return out;
}

function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }): AppError {
  return new AppError(
    'INVALID_INPUT',
    error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; '),
  );
}

/**
 * Reads an upload request: a multipart form with `file` (and the parameters as fields before it, or in the
 * query), or a raw body (text/csv or any other type) with the parameters in the query (`fileName` or the
 * X-File-Name header names the file). Both are streamed, never buffered whole.
 * The size limit is checked on Content-Length before any byte is read, then again while streaming.
 */
export async function readUploadRequest(
  request: Request,
  maxBytes: number,
): Promise<{ params: TUploadParams; input: Omit<TIngestUploadInput, 'parse' | 'validOnly'> }> {
  const url = new URL(request.url);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_SLACK_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the upload limit of ${maxBytes} bytes.`);
  }
  const query = paramsFrom(url.searchParams.entries());
  const contentType = request.headers.get('content-type') ?? '';
  const bytesTotal = Number.isFinite(declared) && declared > 0 ? declared : null;
  if (contentType.startsWith('multipart/form-data')) {
    // Streamed with busboy: parameters must come in the query or as fields BEFORE the file part.
    if (!request.body) {
      throw new AppError('INVALID_INPUT', 'Send the CSV as the multipart field "file".');
    }
    const form = await readMultipartUpload(request.body, contentType, maxBytes);
    const parsed = ZUploadParams.safeParse({ ...query, ...form.fields });
    if (!parsed.success) {
      throw invalid(parsed.error);
    }
    return {
      params: parsed.data,
      input: {
        fileName: parsed.data.fileName ?? form.fileName ?? 'upload.csv',
        chunks: form.chunks,
        maxBytes,
        bytesTotal,
      },
    };
  }
  const parsed = ZUploadParams.safeParse(query);
  if (!parsed.success) {
    throw invalid(parsed.error);
  }
  const headerName = request.headers.get('x-file-name');
  return {
    params: parsed.data,
    input: {
      fileName: parsed.data.fileName ?? (headerName ? decodeURIComponent(headerName) : 'upload.csv'),
      chunks: readChunks(request.body),
      maxBytes,
      bytesTotal,
    },
  };
}

/** Upload parameters → parser options (the form's defaults feed nvidia-smi and CodeCarbon). */
export function toParseOptions(params: TUploadParams): TIngestUploadInput['parse'] {
  const defaults = Object.fromEntries(
    (['phase', 'team', 'project', 'region', 'provider'] as const).flatMap((k) =>
      params[k] === undefined ? [] : [[k, params[k]]],
    ),
  );
  return {
    format: params.format,
    ...(params.timeZone ? { timeZone: params.timeZone } : {}),
    ...(params.mapping ? { mapping: params.mapping } : {}),
    defaults,
  };
}
