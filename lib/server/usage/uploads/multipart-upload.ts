import 'server-only';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { AppError } from '@/lib/errors';

export interface TMultipartUpload {
  /** Text fields that came before the file part (later ones are not waited for: the file is streamed). */
  fields: Record<string, string>;
  fileName: string | null;
  /** The `file` part's bytes as they arrive; reading it drives the parser (back-pressure to the socket). */
  chunks: AsyncIterable<Uint8Array>;
}

/**
 * Streams a multipart/form-data body with busboy: resolves as soon as the `file` part starts, with the fields
 * seen so far, so the file is never buffered whole (the platform's `request.formData()` would). The file part is
 * cut at `maxBytes + 1` bytes, so the ingest's own size check reports 413.
 */
export function readMultipartUpload(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  maxBytes: number,
): Promise<TMultipartUpload> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let found = false;
    const parser = busboy({
      headers: { 'content-type': contentType },
      limits: { files: 1, fields: 50, fieldSize: 1024 * 1024, fileSize: maxBytes + 1 },
    });
    parser.on('field', (name, value) => {
      if (!found) {
        fields[name] = value;
      }
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      // The part can fail (body cut short: "Unexpected end of form") before the ingest starts reading it; the
      // reader still gets the error from the stream's iterator, but an 'error' event nobody listens to yet would
      // be an uncaught exception that ends the server process.
      stream.on('error', () => undefined);
      resolve({ fields: { ...fields }, fileName: info.filename ?? null, chunks: stream });
    });
    parser.on('error', (error) => {
      reject(new AppError('INVALID_INPUT', `Malformed multipart body: ${(error as Error).message}`));
    });
    parser.on('close', () => {
      if (!found) {
        reject(new AppError('INVALID_INPUT', 'Send the CSV as the multipart field "file".'));
      }
    });
    Readable.fromWeb(body as NodeWebReadableStream<Uint8Array>).pipe(parser);
  });
}
