import 'server-only';
import type { TLlmModelRepository } from '@/lib/emissions/ai-services/llm-model-types';
import { createZoneOfRegion } from '@/lib/emissions/ai-services/zone-of-region';
import { createAiUsageRecordStream } from '@/lib/ingest/ai-usage/ai-usage-record-stream';
import { isAiUsageFile } from '@/lib/ingest/ai-usage/sniff-ai-usage-file';
import type { TIngestTracer } from '@/lib/ingest/ingest-tracer';
import { createSniffingFileStream } from '@/lib/ingest/sniffing-file-stream';
import type { ParseOptions } from '@/lib/ingest/types';
import { createUsageFileStream, type UsageFileStream } from '@/lib/ingest/usage-file-stream';
import { usageRecordSchemaAt } from '@/lib/schemas/usage-record';
import { DEFAULT_REFERENCE_DIR } from '../../factors/load-bundled-factor-library';
import { loadLlmModelRepository } from '../../factors/load-llm-model-repository';
import type { TIngestInputs } from './resolve-ingest-inputs';

const cache: { repository: TLlmModelRepository | null } = { repository: null };

/** The bundled EcoLogits model repository, read once per process (a few hundred KB of JSON and CSV). */
function llmModelRepository(): TLlmModelRepository {
  cache.repository ??= loadLlmModelRepository(DEFAULT_REFERENCE_DIR);
  return cache.repository;
}

/**
 * The upload's parser, chosen from the file's first bytes (issue #21): an AI-service usage export (JSON, or a
 * CSV header of lib/ingest/ai-usage) goes through the AI-services engine, anything else through the compute
 * usage parser. A forced format or a column mapping always means the compute parser.
 */
export function createUploadParseStream(
  options: ParseOptions & { now: Date },
  inputs: Pick<TIngestInputs, 'library' | 'checkRecord'>,
  tracer: TIngestTracer,
): UsageFileStream {
  const compute = () => createUsageFileStream(options, tracer);
  if (options.mapping || (options.format ?? 'auto') !== 'auto') {
    return compute();
  }
  return createSniffingFileStream((head) => {
    if (!isAiUsageFile(head)) {
      return compute();
    }
    const schema = usageRecordSchemaAt(options.now, 'UTC');
    return createAiUsageRecordStream({
      fileName: options.fileName,
      repository: llmModelRepository(),
      zoneOfRegion: createZoneOfRegion(inputs.library),
      knownInstanceTypes: (inputs.library.library.instanceTypes ?? []).map((t) => t.name),
      validate: (input) => schema.safeParse(input),
      checkRecord: inputs.checkRecord,
    });
  });
}
