import { computeFootprints } from '@/lib/emissions/compute-footprints';
import type { FactorLibrary } from '@/lib/emissions/factor-library-types';
import { ensureIndexed, type IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import { DEFAULT_METHODOLOGY_SETTINGS, type MethodologySettings } from '@/lib/emissions/methodology-settings';
import { METHODOLOGY_VERSION } from '@/lib/emissions/methodology-version';
import { distinctNames, type NameResolution, resolveNames } from '@/lib/emissions/name-resolutions';
import { sumFootprints } from '@/lib/emissions/sum-footprints';
import { addCodecarbonComparison, type TCodecarbonComparison } from '@/lib/ingest/codecarbon-comparison';
import type { ParseResult } from '@/lib/ingest/types';

/** The JSON document `footprint estimate --json` prints (the CLI contract in docs/CLI.md). */
export interface TEstimateReport {
  methodologyVersion: string;
  totals: {
    records: number;
    itEnergyKwh: number;
    energyKwh: number;
    locationKgCo2e: number;
    marketKgCo2e: number;
    embodiedKgCo2e: number;
    waterOnsiteL: number;
    waterOffsiteL: number;
    uncertainty: { lowKgCo2e: number; highKgCo2e: number };
  };
  records: {
    line: number;
    recordId: string | null;
    itEnergyKwh: number;
    energyKwh: number;
    pue: number;
    intensityGCo2ePerKwh: number;
    intensitySource: string;
    locationKgCo2e: number;
    marketKgCo2e: number;
    embodiedKgCo2e: number;
    waterOnsiteL: number;
    waterOffsiteL: number;
    assumptions: string[];
  }[];
  errors: { line: number; column: string | null; message: string }[];
  /** CodeCarbon files only: CodeCarbon's own total beside ours, and why runs differ by more than 10 %. */
  codecarbon?: TCodecarbonComparison;
  /**
   * Each distinct accelerator and region of the file with what it resolved to (the upload review's table; the CLI
   * has no organisation, so no aliases apply).
   */
  resolutions: NameResolution[];
}

/**
 * Computes every parsed record with the bundled factors (no energy contracts: the market-based figure is the
 * residual mix or grid average, flagged) and shapes the CLI report. Pure.
 */
export function buildEstimateReport(
  parsed: ParseResult,
  library: FactorLibrary | IndexedFactorLibrary,
  settings: MethodologySettings = DEFAULT_METHODOLOGY_SETTINGS,
): TEstimateReport {
  const indexed = ensureIndexed(library);
  const footprints = computeFootprints(
    parsed.records.map((r) => r.record),
    indexed,
    settings,
    [],
  );
  const totals = sumFootprints(footprints);
  let codecarbon: TCodecarbonComparison | null = null;
  footprints.forEach((f, i) => {
    const record = parsed.records[i];
    const source = record?.source?.codecarbon;
    if (record && source) {
      codecarbon = addCodecarbonComparison(codecarbon, record.line, source, f);
    }
  });
  return {
    methodologyVersion: METHODOLOGY_VERSION,
    totals: {
      records: totals.records,
      itEnergyKwh: totals.itEnergyKwh,
      energyKwh: totals.energyKwh,
      locationKgCo2e: totals.locationKgCo2e,
      marketKgCo2e: totals.marketKgCo2e,
      embodiedKgCo2e: totals.embodiedKgCo2e,
      waterOnsiteL: totals.waterOnsiteL,
      waterOffsiteL: totals.waterOffsiteL,
      uncertainty: { lowKgCo2e: totals.uncertainty.lowKgCo2e, highKgCo2e: totals.uncertainty.highKgCo2e },
    },
    records: footprints.map((f, i) => {
      const parsedRecord = parsed.records[i];
      return {
        line: parsedRecord?.line ?? 0,
        recordId: parsedRecord?.record.recordId ?? null,
        itEnergyKwh: f.itEnergyKwh,
        energyKwh: f.energyKwh,
        pue: f.pue,
        intensityGCo2ePerKwh: f.intensityGCo2ePerKwh,
        intensitySource: f.intensitySource,
        locationKgCo2e: f.locationKgCo2e,
        marketKgCo2e: f.marketKgCo2e,
        embodiedKgCo2e: f.embodiedKgCo2e,
        waterOnsiteL: f.waterOnsiteL,
        waterOffsiteL: f.waterOffsiteL,
        assumptions: [...new Set([...f.assumptions, ...(parsedRecord?.flags ?? [])])],
      };
    }),
    errors: parsed.errors.map((e) => ({ line: e.line, column: e.column, message: e.message })),
    ...(codecarbon ? { codecarbon } : {}),
    resolutions: resolveNames(indexed, distinctNames(parsed.records.map((r) => r.record))),
  };
}
