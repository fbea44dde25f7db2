import type { TPeriodTotals } from './aggregate-types';
import type { TCell, TReportTable } from './report-model';
import { roundFor } from './rounding';

/**
 * One third-party AI service's usage in a report period (issue #21): the records placed in Scope 3 Category 1 AI
 * services (`scopePlacement` = aiServices), each apportioned by its time share inside the period. Units in the names.
 */
export interface TAiServiceUsage {
  /** Service code (reference/ai-services/providers.csv: openai, anthropic, aws-bedrock …). */
  service: string;
  /** The service's display name ("OpenAI API"), never the raw code. */
  label: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** Facility energy (the provider's PUE included), kWh. */
  facilityEnergyKwh: number;
  locationKgCo2e: number;
  marketKgCo2e: number;
  waterOnsiteL: number;
  waterOffsiteL: number;
}

export const AI_SERVICE_TABLE_ID = 'by-ai-service';

/** Shown in section 5 instead of the table when the period has no AI-service usage. */
export const NO_AI_SERVICE_USAGE =
  'No third-party AI services (LLM APIs billed per token or request) were used in the period, so there is no "By AI service" table.';

const sharePct = (part: number, whole: number): number | null =>
  whole > 0 ? roundFor((part / whole) * 100, '%') : null;

function cells(
  u: Omit<TAiServiceUsage, 'service' | 'label'>,
  total: Pick<TPeriodTotals, 'locationKgCo2e'>,
): Record<string, TCell> {
  return {
    requests: roundFor(u.requests, 'requests'),
    inputTokens: roundFor(u.inputTokens, 'tokens'),
    outputTokens: roundFor(u.outputTokens, 'tokens'),
    energyKwh: roundFor(u.facilityEnergyKwh, 'kWh'),
    locationKg: roundFor(u.locationKgCo2e, 'kgCO2e'),
    marketKg: roundFor(u.marketKgCo2e, 'kgCO2e'),
    waterOnsiteL: roundFor(u.waterOnsiteL, 'L'),
    waterOffsiteL: roundFor(u.waterOffsiteL, 'L'),
    shareLocationPct: sharePct(u.locationKgCo2e, total.locationKgCo2e),
  };
}

/**
 * The "By AI service" table of section 5: one row per service (largest location-based emissions first) with its share
 * of the AI-services location-based total, then a total row. The total's energy, emissions, water and requests are `total` itself, the Scope 3 Cat 1 AI-services sums that
 * Table C's "Cat 1 AI services" rows show, so the two always agree to the report's rounding; its tokens are the rows'
 * sums (the rollups behind `total` keep one token count, not the input/output split). kg, kWh and L rather than the
 * inventory's t, MWh and m³: a service's quarter is often a few kilograms. Pure.
 */
export function buildAiServiceTable(rows: readonly TAiServiceUsage[], total: TPeriodTotals): TReportTable {
  const sorted = [...rows].sort(
    (a, b) => b.locationKgCo2e - a.locationKgCo2e || a.label.localeCompare(b.label),
  );
  const sum = (pick: (u: TAiServiceUsage) => number) => rows.reduce((s, u) => s + pick(u), 0);
  return {
    id: AI_SERVICE_TABLE_ID,
    title: 'By AI service',
    columns: [
      { key: 'label', label: 'AI service' },
      { key: 'requests', label: 'Requests', unit: 'requests' },
      { key: 'inputTokens', label: 'Input tokens', unit: 'tokens' },
      { key: 'outputTokens', label: 'Output tokens', unit: 'tokens' },
      { key: 'energyKwh', label: 'Facility energy', unit: 'kWh' },
      { key: 'locationKg', label: 'Emissions LB', unit: 'kgCO2e', basis: 'location-based' },
      { key: 'marketKg', label: 'Emissions MB', unit: 'kgCO2e', basis: 'market-based' },
      { key: 'waterOnsiteL', label: 'Water on-site', unit: 'L' },
      { key: 'waterOffsiteL', label: 'Water off-site', unit: 'L' },
      // One share column: eleven columns no longer fit an A4 portrait page of the PDF.
      { key: 'shareLocationPct', label: 'Share of AI services LB', unit: '%', basis: 'location-based' },
    ],
    rows: [
      ...sorted.map((u) => ({ label: u.label, ...cells(u, total) })),
      {
        label: 'Total',
        ...cells(
          {
            requests: total.requests,
            inputTokens: sum((u) => u.inputTokens),
            outputTokens: sum((u) => u.outputTokens),
            facilityEnergyKwh: total.facilityEnergyKwh,
            locationKgCo2e: total.locationKgCo2e,
            marketKgCo2e: total.marketKgCo2e,
            waterOnsiteL: total.waterOnsiteL,
            waterOffsiteL: total.waterOffsiteL,
          },
          total,
        ),
      },
    ],
    note: 'Scope 3 Category 1 AI services (purchased per token or request), estimated per token by the AI-services method. The total equals Table C’s “Scope 3 Cat 1 AI services” rows (kg here, t there). Water on-site = the provider’s cooling water (WUE), off-site = water consumed generating the electricity. Rows are rounded independently.',
  };
}
