import { appendAll } from '@/lib/utils/append-all';
import { createAiUsageFileStream } from './ai-usage-file-stream';
import type { TAiUsageParseOptions, TAiUsageParseResult } from './ai-usage-types';

/** Chunk size fed to the stream (the same path as a streamed upload). */
const CHUNK_BYTES = 64 * 1024;

/** Parses a whole AI-service usage export held in memory (CLI, tests) through the streaming parser. Pure. */
export function parseAiUsageFile(bytes: Uint8Array, options: TAiUsageParseOptions): TAiUsageParseResult {
  const stream = createAiUsageFileStream(options);
  const result: Pick<TAiUsageParseResult, 'aiRows' | 'gpuRecords'> = { aiRows: [], gpuRecords: [] };
  const add = (chunk: ReturnType<typeof stream.end>) => {
    appendAll(result.aiRows, chunk.ai);
    appendAll(result.gpuRecords, chunk.gpu);
  };
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    add(stream.push(bytes.subarray(offset, offset + CHUNK_BYTES)));
  }
  add(stream.end());
  return { ...result, ...stream.summary() };
}
