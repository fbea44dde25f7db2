import 'server-only';
import { createHash } from 'node:crypto';
import { AppError } from '@/lib/errors';
import type { ParsedRecord } from '@/lib/ingest/types';
import type { UsageFileStream, UsageFileSummary } from '@/lib/ingest/usage-file-stream';

/** The upload's bytes as they arrive: counted against the size limit, hashed (sha256) and parsed. */
export interface TUploadFileReader {
  /** Parses one chunk; throws PAYLOAD_TOO_LARGE once the file passes the limit. */
  push(chunk: Uint8Array): ParsedRecord[];
  end(): ParsedRecord[];
  summary(): UsageFileSummary;
  /** Bytes read so far. */
  readonly sizeBytes: number;
  /** The file's sha256 (hex); call once, after `end`. */
  sha256(): string;
}

/**
 * Decode and parse stages of an upload (`stream`, lib/ingest), fed chunk by chunk so memory stays bounded
 * whatever the file's size; the size limit and the content hash are taken on the same pass.
 */
export function createUploadFileReader(stream: UsageFileStream, maxBytes: number): TUploadFileReader {
  const sha = createHash('sha256');
  const read = { sizeBytes: 0 };
  return {
    push(chunk) {
      read.sizeBytes += chunk.length;
      if (read.sizeBytes > maxBytes) {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `The file is larger than the upload limit of ${maxBytes} bytes.`,
        );
      }
      sha.update(chunk);
      return stream.push(chunk);
    },
    end: () => stream.end(),
    summary: () => stream.summary(),
    get sizeBytes() {
      return read.sizeBytes;
    },
    sha256: () => sha.digest('hex'),
  };
}
