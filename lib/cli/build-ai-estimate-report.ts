import { AI_SERVICE_FLAGS } from '@/lib/emissions/ai-services/ai-service-flags';
import {
  AI_SERVICE_METHOD,
  type TAiServiceFootprint,
} from '@/lib/emissions/ai-services/estimate-ai-service-usage';
import { estimateAiUsageRow, type TZoneOfRegion } from '@/lib/emissions/ai-services/estimate-ai-usage-row';
import type { TLlmModelRepository } from '@/lib/emissions/ai-services/llm-model-types';
import type { TValueRange } from '@/lib/emissions/ai-services/value-range';
import type { FactorLibrary } from '@/lib/emissions/factor-library-types';
import type { IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import { METHODOLOGY_VERSION } from '@/lib/emissions/methodology-version';
import { AI_USAGE_FORMATS, type TAiUsageParseResult } from '@/lib/ingest/ai-usage/ai-usage-types';
import type { ParseResult } from '@/lib/ingest/types';
import { buildEdgeEstimate } from './build-edge-estimate';
import { buildEstimateReport, type TEstimateReport } from './build-estimate-report';

/** Energy (facility kWh), kg CO2e and L of water with their ranges, as the estimate returns them. */
const IMPACT_KEYS = [
  'energyKwh',
  'energyKwhRange',
  'usageKgCo2e',
  'usageKgCo2eRange',
  'embodiedKgCo2e',
  'embodiedKgCo2eRange',
  'totalKgCo2e',
  'totalKgCo2eRange',
  'waterOnsiteL',
  'waterOffsiteL',
  'waterLRange',
] as const;
type TImpacts = Pick<TAiServiceFootprint, (typeof IMPACT_KEYS)[number]>;

/** One AI-usage row of `footprint estimate --json` on an AI-service export. Units: kWh, kg CO2e, L. */
export interface TAiEstimateRow extends TImpacts {
  line: number;
  provider: string | null;
  modelRaw: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  requests: number | null;
  gridZone: string | null;
  intensityGCo2ePerKwh: number;
  flags: string[];
}

/** The JSON `footprint estimate` prints for an AI-service usage export (docs/CLI.md). */
export interface TAiEstimateReport {
  methodologyVersion: string;
  aiMethod: string;
  format: string | null;
  totals: TImpacts & { rows: number; inputTokens: number; outputTokens: number };
  rows: TAiEstimateRow[];
  /** GPU instance-hour rows of billing exports, estimated by the compute engine (instance-type catalog). */
  gpu: TEstimateReport | null;
  /** On-device inference rows of the template (device energy, PUE 1, the devices' grid): compute engine. */
  edge: TEstimateReport | null;
  /** Meaning of every flag used in `rows`. */
  flags: Record<string, string>;
  skippedRows: number;
  errors: { line: number; column: string | null; message: string }[];
  warnings: { line: number; column: string | null; message: string }[];
}

const addRange = (a: TValueRange, b: TValueRange): TValueRange => ({
  min: a.min + b.min,
  max: a.max + b.max,
});
const ZERO: TValueRange = { min: 0, max: 0 };

/**
 * Estimates every AI-usage row of a parsed export with the model repository (an unknown provider or model is a
 * row error, the question the upload's mapping step will ask) and the GPU rows with the compute engine, and
 * shapes the CLI report. Pure.
 */
export function buildAiEstimateReport(
  parsed: TAiUsageParseResult,
  repository: TLlmModelRepository,
  library: FactorLibrary | IndexedFactorLibrary,
  zoneOfRegion: TZoneOfRegion,
  gpuErrors: { line: number; column: string | null; message: string }[] = [],
): TAiEstimateReport {
  const errors = parsed.errors.map((e) => ({ line: e.line, column: e.column, message: e.message }));
  errors.push(...gpuErrors);
  const rows: TAiEstimateRow[] = [];
  const edge = buildEdgeEstimate(parsed.aiRows, repository, library, zoneOfRegion, errors);
  for (const row of parsed.aiRows) {
    if (row.edge) {
      continue;
    }
    const estimate = estimateAiUsageRow(repository, row, zoneOfRegion);
    if (!estimate.ok) {
      errors.push({ line: estimate.line, column: estimate.column, message: estimate.message });
      continue;
    }
    const f = estimate.footprint;
    rows.push({
      line: row.line,
      provider: row.provider,
      modelRaw: row.modelRaw,
      model: estimate.model,
      inputTokens: row.inputTokens,
      outputTokens: row.outputTokens,
      requests: row.requests,
      ...(Object.fromEntries(IMPACT_KEYS.map((k) => [k, f[k]])) as TImpacts),
      gridZone: f.locationIntensity.zone,
      intensityGCo2ePerKwh: f.locationIntensity.gCo2ePerKwh,
      flags: f.flags,
    });
  }
  const sum = (pick: (r: TAiEstimateRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const gpuParse: ParseResult = {
    format: 'generic',
    records: parsed.gpuRecords.map((g) => ({ line: g.line, record: g.record, flags: [] })),
    errors: [],
    warnings: [],
    headers: [],
    stats: {
      rows: parsed.gpuRecords.length,
      accepted: parsed.gpuRecords.length,
      rejected: 0,
      duplicatesCollapsed: 0,
    },
  };
  const usedFlags = new Set([...rows.flatMap((r) => r.flags), ...(edge?.flags ?? [])]);
  return {
    methodologyVersion: METHODOLOGY_VERSION,
    aiMethod: AI_SERVICE_METHOD,
    format: parsed.format ? AI_USAGE_FORMATS[parsed.format] : null,
    totals: {
      rows: rows.length,
      inputTokens: sum((r) => r.inputTokens),
      outputTokens: sum((r) => r.outputTokens),
      energyKwh: sum((r) => r.energyKwh),
      energyKwhRange: rows.reduce((s, r) => addRange(s, r.energyKwhRange), ZERO),
      usageKgCo2e: sum((r) => r.usageKgCo2e),
      usageKgCo2eRange: rows.reduce((s, r) => addRange(s, r.usageKgCo2eRange), ZERO),
      embodiedKgCo2e: sum((r) => r.embodiedKgCo2e),
      embodiedKgCo2eRange: rows.reduce((s, r) => addRange(s, r.embodiedKgCo2eRange), ZERO),
      totalKgCo2e: sum((r) => r.totalKgCo2e),
      totalKgCo2eRange: rows.reduce((s, r) => addRange(s, r.totalKgCo2eRange), ZERO),
      waterOnsiteL: sum((r) => r.waterOnsiteL),
      waterOffsiteL: sum((r) => r.waterOffsiteL),
      waterLRange: rows.reduce((s, r) => addRange(s, r.waterLRange), ZERO),
    },
    rows,
    gpu: parsed.gpuRecords.length > 0 ? buildEstimateReport(gpuParse, library) : null,
    edge: edge?.report ?? null,
    flags: Object.fromEntries(
      Object.entries(AI_SERVICE_FLAGS).filter(([code]) =>
        usedFlags.has(code as keyof typeof AI_SERVICE_FLAGS),
      ),
    ),
    skippedRows: parsed.stats.skipped,
    errors: errors.sort((a, b) => a.line - b.line),
    warnings: parsed.warnings.map((w) => ({ line: w.line, column: w.column, message: w.message })),
  };
}
