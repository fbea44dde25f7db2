import { buildAiEstimateReport } from '@/lib/cli/build-ai-estimate-report';
import { formatAiEstimateText } from '@/lib/cli/format-ai-estimate-text';
import { createZoneOfRegion } from '@/lib/emissions/ai-services/zone-of-region';
import { createCatalogCheck } from '@/lib/emissions/catalog-check';
import type { IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import type { TAiUsageFormat } from '@/lib/ingest/ai-usage/ai-usage-types';
import { parseAiUsageFile } from '@/lib/ingest/ai-usage/parse-ai-usage-file';
import type { TPhase } from '@/lib/schemas/usage-record';
import { loadLlmModelRepository } from '@/lib/server/factors/load-llm-model-repository';

/**
 * `footprint estimate` on an AI-service usage export (docs/CLI.md): tokens through the model repository, GPU
 * instance hours through the instance-type catalog with the upload's catalog check. Exit 1 when a row is invalid
 * or names an unknown provider, model or instance type.
 */
export function estimateAiUsageFile(
  bytes: Uint8Array,
  fileName: string,
  options: { format: 'auto' | TAiUsageFormat; json: boolean; phase?: string },
  referenceDir: string,
  library: IndexedFactorLibrary,
): number {
  const repository = loadLlmModelRepository(referenceDir);
  const parsed = parseAiUsageFile(bytes, {
    fileName,
    format: options.format,
    knownInstanceTypes: (library.library.instanceTypes ?? []).map((t) => t.name),
    ...(options.phase ? { gpuPhase: options.phase as TPhase } : {}),
  });
  const check = createCatalogCheck(library);
  const gpuErrors: { line: number; column: string | null; message: string }[] = [];
  const gpuRecords = parsed.gpuRecords.filter((g) => {
    const issues = check(g.record);
    for (const issue of issues) {
      gpuErrors.push({ line: g.line, column: issue.field, message: issue.message });
    }
    return issues.length === 0;
  });
  const report = buildAiEstimateReport(
    { ...parsed, gpuRecords },
    repository,
    library,
    createZoneOfRegion(library),
    gpuErrors,
  );
  process.stdout.write(
    options.json ? `${JSON.stringify(report, null, 2)}\n` : formatAiEstimateText(report, fileName),
  );
  return report.errors.length > 0 ? 1 : 0;
}
