import type { TZoneOfRegion } from '@/lib/emissions/ai-services/estimate-ai-usage-row';
import type { TLlmModelRepository } from '@/lib/emissions/ai-services/llm-model-types';
import { createCatalogCheck } from '@/lib/emissions/catalog-check';
import type { FactorLibrary } from '@/lib/emissions/factor-library-types';
import { ensureIndexed, type IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import { aiUsageRecordOf } from '@/lib/ingest/ai-usage/ai-usage-records';
import type { TAiUsageRow } from '@/lib/ingest/ai-usage/ai-usage-types';
import type { ParsedRecord } from '@/lib/ingest/types';
import { ZUsageRecordInput } from '@/lib/schemas/usage-record';
import { buildEstimateReport, type TEstimateReport } from './build-estimate-report';

/**
 * The on-device inference rows of an AI usage template (issue #21 item 6) as compute-engine records (provider
 * `edge`: PUE 1, the devices' country grid factor), estimated like the GPU rows; the estimator's flags are each
 * record's assumptions. Row errors (a phone without J/token, an unknown country…) go to `errors`. Null without
 * edge rows. Pure.
 */
export function buildEdgeEstimate(
  rows: readonly TAiUsageRow[],
  repository: TLlmModelRepository,
  library: FactorLibrary | IndexedFactorLibrary,
  zoneOfRegion: TZoneOfRegion,
  errors: { line: number; column: string | null; message: string }[],
): { report: TEstimateReport; flags: string[] } | null {
  const edgeRows = rows.filter((r) => r.edge);
  if (edgeRows.length === 0) {
    return null;
  }
  const sink = {
    error: (line: number, column: string | null, message: string) => errors.push({ line, column, message }),
    warn: () => undefined,
  };
  const context = {
    repository,
    zoneOfRegion,
    validate: (input: Record<string, unknown>) => ZUsageRecordInput.safeParse(input),
    checkRecord: createCatalogCheck(ensureIndexed(library)),
  };
  const records = edgeRows
    .map((row) => aiUsageRecordOf(row, context, sink))
    .filter((r): r is ParsedRecord => r !== null);
  const report = buildEstimateReport(
    {
      format: 'generic',
      records,
      errors: [],
      warnings: [],
      headers: [],
      stats: { rows: records.length, accepted: records.length, rejected: 0, duplicatesCollapsed: 0 },
    },
    library,
  );
  return { report, flags: [...new Set(records.flatMap((r) => r.flags))] };
}
