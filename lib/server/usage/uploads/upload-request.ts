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

function truncated(received: number, declared: number): AppError {
  return new AppError(
    'INVALID_INPUT',
    `The request body ended after ${received} of the ${declared} bytes declared in Content-Length; nothing was stored. Send the whole file again.`,
  );
}

/**
 * The raw body's chunks; throws (before the ingest commits) when fewer bytes arrived than Content-Length
 * declared, so a body cut short on the way (e.g. by a proxy that buffers only part of it) is never stored.
 */
async function* wholeBody(
  body: ReadableStream<Uint8Array> | null,
  declared: number | null,
): AsyncGenerator<Uint8Array> {
  let received = 0;
  for await (const chunk of readChunks(body)) {
    received += chunk.length;
    yield chunk;
  }
  if (declared !== null && received < declared) {
    throw truncated(received, declared);
  }
}

/**
 * The multipart file part's chunks. A body that ends inside the file part makes busboy fail the part ("Unexpected
 * end of form"): that is the client's body, so it is answered 400 (cut short: with the byte counts), never 500.
 */
async function* multipartFile(
  chunks: AsyncIterable<Uint8Array>,
  bodyBytes: () => number,
  declared: number | null,
): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (error) {
    if (declared !== null && bodyBytes() < declared) {
      throw truncated(bodyBytes(), declared);
    }
    throw new AppError('INVALID_INPUT', `Malformed multipart body: ${(error as Error).message}`);
  }
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
 * The size limit is checked on Content-Length before any byte is read, then again while streaming; a body that
 * ends before its Content-Length is refused (400), so a truncated file is never stored nor hashed as the file.
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
    let bodyBytes = 0;
    const counted = request.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          bodyBytes += chunk.length;
          controller.enqueue(chunk);
        },
      }),
    );
    const form = await readMultipartUpload(counted, contentType, maxBytes);
    const parsed = ZUploadParams.safeParse({ ...query, ...form.fields });
    if (!parsed.success) {
      throw invalid(parsed.error);
    }
    return {
      params: parsed.data,
      input: {
        fileName: parsed.data.fileName ?? form.fileName ?? 'upload.csv',
        chunks: multipartFile(form.chunks, () => bodyBytes, bytesTotal),
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
      chunks: wholeBody(request.body, bytesTotal),
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
