import 'server-only';
import { modelAliasMap } from '@/lib/emissions/ai-services/model-alias';
import { createZoneOfRegion } from '@/lib/emissions/ai-services/zone-of-region';
import { createAiUsageRecordStream } from '@/lib/ingest/ai-usage/ai-usage-record-stream';
import { isAiUsageFile } from '@/lib/ingest/ai-usage/sniff-ai-usage-file';
import type { TIngestTracer } from '@/lib/ingest/ingest-tracer';
import { createSniffingFileStream } from '@/lib/ingest/sniffing-file-stream';
import type { ParseOptions } from '@/lib/ingest/types';
import { createUsageFileStream, type UsageFileStream } from '@/lib/ingest/usage-file-stream';
import { usageRecordSchemaAt } from '@/lib/schemas/usage-record';
import { getLlmModelRepository } from '../../factors/llm-model-repository-cache';
import type { TIngestInputs } from './resolve-ingest-inputs';

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
    return traced(
      tracer,
      createAiUsageRecordStream({
        fileName: options.fileName,
        repository: getLlmModelRepository(),
        zoneOfRegion: createZoneOfRegion(inputs.library),
        knownInstanceTypes: (inputs.library.library.instanceTypes ?? []).map((t) => t.name),
        validate: (input) => schema.safeParse(input),
        checkRecord: inputs.checkRecord,
        modelAliases: modelAliasMap(inputs.library.library.nameAliases),
      }),
    );
  });
}

/** The AI stream's reading and estimating counted as the `parse` stage (the bench's breakdown). */
function traced(tracer: TIngestTracer, stream: UsageFileStream): UsageFileStream {
  const counted = (run: () => ReturnType<UsageFileStream['end']>) => {
    const records = tracer.span('parse', run);
    tracer.count('parse', records.length);
    return records;
  };
  return {
    ...stream,
    push: (bytes) => counted(() => stream.push(bytes)),
    end: () => counted(() => stream.end()),
  };
}
