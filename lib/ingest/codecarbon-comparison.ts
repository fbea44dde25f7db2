import type { FactorRef, RecordFootprint } from '@/lib/emissions/footprint-types';
import type { CodecarbonSource } from './types';

/** Our figure may differ from CodeCarbon's by this share before a run is explained (issue #19: 10 %). */
export const COMPARISON_TOLERANCE = 0.1;

/** A factor is named in an explanation when it differs by more than this share (below: rounding noise). */
const FACTOR_TOLERANCE = 0.01;

/** One CodeCarbon run whose emissions differ from ours by more than `COMPARISON_TOLERANCE`, and why. */
export interface CodecarbonRunDifference {
  line: number;
  reportedKgCo2e: number;
  recomputedLocationKgCo2e: number;
  /** Plain-language reasons, one per factor that differs (PUE, grid intensity, energy). */
  reasons: string[];
}

type Comparable = Pick<
  CodecarbonSource,
  'reportedEmissionsKg' | 'reportedEnergyKwh' | 'pueApplied' | 'quebecFallback'
>;

type OurFigures = Pick<
  RecordFootprint,
  'itEnergyKwh' | 'pue' | 'intensityGCo2ePerKwh' | 'intensitySource' | 'locationKgCo2e' | 'factorRefs'
>;

const differs = (a: number, b: number, tolerance: number) =>
  b === 0 ? a !== 0 : Math.abs(a / b - 1) > tolerance;

const fmt = (value: number) => Number(value.toPrecision(3)).toString();

const INTENSITY_PERIOD: Record<RecordFootprint['intensitySource'], string> = {
  row: 'given on the row',
  hourly: 'hourly average over the run',
  monthly: 'monthly average over the run',
  yearly: 'yearly average',
  'nearest-year': 'latest earlier yearly figure',
  country: 'country average, no grid-zone figure',
  world: 'world average, location not recognised',
};

function pueWhy(ref: FactorRef | undefined): string {
  if (!ref) {
    return 'our default';
  }
  if (ref.id.startsWith('row:')) {
    return 'given in the file';
  }
  if (ref.id.startsWith('edge:')) {
    return 'not a data centre';
  }
  if (ref.id.startsWith('location:')) {
    return "the provider's published figure for the region";
  }
  if (ref.id.startsWith('provider:')) {
    return "the provider's fleet average";
  }
  return 'the industry-average data-centre PUE, as CodeCarbon gave no cloud provider';
}

/**
 * Why our location-based figure for a CodeCarbon run differs from the `emissions` CodeCarbon wrote, or null when
 * it is within 10 % (or CodeCarbon wrote no emissions). Both are energy × PUE × grid intensity: CodeCarbon's
 * energy_consumed already includes its `pue`, its intensity is emissions / energy_consumed; ours come from the
 * engine. Every factor differing by more than 1 % is named with both values. Pure.
 */
export function explainCodecarbonDifference(
  source: Comparable,
  ours: OurFigures,
): Omit<CodecarbonRunDifference, 'line'> | null {
  const reportedKg = source.reportedEmissionsKg;
  if (reportedKg === null || reportedKg === undefined) {
    return null;
  }
  if (!differs(ours.locationKgCo2e, reportedKg, COMPARISON_TOLERANCE)) {
    return null;
  }
  const reasons: string[] = [];
  const theirPue = source.pueApplied ?? 1;
  const theirItKwh = source.reportedEnergyKwh / theirPue;
  if (differs(ours.itEnergyKwh, theirItKwh, FACTOR_TOLERANCE)) {
    reasons.push(
      `Energy: CodeCarbon measured ${fmt(theirItKwh)} kWh before PUE, the record has ${fmt(ours.itEnergyKwh)} kWh (edited since the upload).`,
    );
  }
  if (differs(ours.pue, theirPue, FACTOR_TOLERANCE)) {
    const ref = ours.factorRefs.find((r) => r.kind === 'pue');
    reasons.push(`PUE: CodeCarbon applied ${fmt(theirPue)}, we apply ${fmt(ours.pue)} (${pueWhy(ref)}).`);
  }
  if (source.reportedEnergyKwh > 0) {
    const theirIntensity = (reportedKg / source.reportedEnergyKwh) * 1000;
    if (differs(ours.intensityGCo2ePerKwh, theirIntensity, FACTOR_TOLERANCE)) {
      const ref = ours.factorRefs.find((r) => r.kind === 'grid-intensity');
      const origin = ref
        ? `${ref.source}, ${INTENSITY_PERIOD[ours.intensitySource]}`
        : INTENSITY_PERIOD[ours.intensitySource];
      const quebec = source.quebecFallback
        ? ' CodeCarbon located the run in Quebec, its fallback when geolocation fails.'
        : '';
      reasons.push(
        `Grid intensity: CodeCarbon used ${fmt(theirIntensity)} gCO2e/kWh (its own country or cloud-region figure), we use ${fmt(ours.intensityGCo2ePerKwh)} gCO2e/kWh (${origin}).${quebec}`,
      );
    }
  } else {
    reasons.push('CodeCarbon reported emissions without energy: its intensity cannot be compared.');
  }
  if (reasons.length === 0) {
    reasons.push('Each factor differs by less than 1 %; together they exceed 10 %.');
  }
  return { reportedKgCo2e: reportedKg, recomputedLocationKgCo2e: ours.locationKgCo2e, reasons };
}

/** Runs explained one by one; beyond that only the count (an upload summary is one JSON column). */
export const MAX_EXPLAINED_RUNS = 50;

/** CodeCarbon's own emissions for the imported runs (its factors), beside our location-based figure. */
export interface TCodecarbonComparison {
  runs: number;
  reportedKgCo2e: number;
  recomputedLocationKgCo2e: number;
  /** Runs whose figures differ by more than 10 %; the first `MAX_EXPLAINED_RUNS` are in `differences`. */
  differingRuns?: number;
  differences?: CodecarbonRunDifference[];
  /** Rows left out because the same run was already posted live (kept once, as the live record). */
  matchedLiveRuns?: number;
  /** Their lines (the first `MAX_EXPLAINED_RUNS`). */
  matchedLines?: number[];
}

/** Adds one run to the comparison (mutates and returns `acc`, created on the first run: it runs once per row). */
export function addCodecarbonComparison(
  acc: TCodecarbonComparison | null,
  line: number,
  source: Comparable,
  ours: OurFigures,
): TCodecarbonComparison {
  const cc = acc ?? {
    runs: 0,
    reportedKgCo2e: 0,
    recomputedLocationKgCo2e: 0,
    differingRuns: 0,
    differences: [],
  };
  cc.runs += 1;
  cc.reportedKgCo2e += source.reportedEmissionsKg ?? 0;
  cc.recomputedLocationKgCo2e += ours.locationKgCo2e;
  const difference = explainCodecarbonDifference(source, ours);
  if (difference) {
    cc.differingRuns = (cc.differingRuns ?? 0) + 1;
    cc.differences ??= [];
    if (cc.differences.length < MAX_EXPLAINED_RUNS) {
      cc.differences.push({ line, ...difference });
    }
  }
  return cc;
}
