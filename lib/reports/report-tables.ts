import { measuredShare } from '@/lib/emissions/measured-share';
import type { TBreakdownRow, TPeriodTotals } from './aggregate-types';
import type { TCell, TReportColumn, TReportTable } from './report-model';
import { roundFor, toM3, toMwh, toTonnes } from './rounding';

/** Columns of a workload breakdown (management view; LB and MB side by side, embodied separate). */
export const BREAKDOWN_COLUMNS: readonly TReportColumn[] = [
  { key: 'records', label: 'Records', unit: 'records' },
  { key: 'deviceHours', label: 'Device-hours', unit: 'device-hours' },
  { key: 'itMwh', label: 'IT energy', unit: 'MWh' },
  { key: 'facilityMwh', label: 'Facility energy', unit: 'MWh' },
  { key: 'locationT', label: 'Emissions LB', unit: 'tCO2e', basis: 'location-based' },
  { key: 'marketT', label: 'Emissions MB', unit: 'tCO2e', basis: 'market-based' },
  { key: 'embodiedT', label: 'Amortised embodied (M)', unit: 'tCO2e', basis: 'management view' },
  { key: 'waterOnsiteM3', label: 'Water on-site', unit: 'm³' },
  { key: 'waterOffsiteM3', label: 'Water off-site', unit: 'm³' },
];

export function breakdownCells(t: TPeriodTotals): Record<string, TCell> {
  return {
    records: t.records,
    deviceHours: roundFor(t.deviceHours, 'device-hours'),
    itMwh: roundFor(toMwh(t.itEnergyKwh), 'MWh'),
    facilityMwh: roundFor(toMwh(t.facilityEnergyKwh), 'MWh'),
    locationT: roundFor(toTonnes(t.locationKgCo2e), 'tCO2e'),
    marketT: roundFor(toTonnes(t.marketKgCo2e), 'tCO2e'),
    embodiedT: roundFor(toTonnes(t.embodiedKgCo2e), 'tCO2e'),
    waterOnsiteM3: roundFor(toM3(t.waterOnsiteL), 'm³'),
    waterOffsiteM3: roundFor(toM3(t.waterOffsiteL), 'm³'),
  };
}

/** A breakdown table with a total row computed from unrounded totals. */
export function breakdownTable(
  id: string,
  title: string,
  keyLabel: string,
  rows: readonly TBreakdownRow[],
  total: TPeriodTotals,
): TReportTable {
  return {
    id,
    title,
    columns: [{ key: 'label', label: keyLabel }, ...BREAKDOWN_COLUMNS],
    rows: [
      ...rows.map((r) => ({ label: r.key, ...breakdownCells(r.totals) })),
      { label: 'Total', ...breakdownCells(total) },
    ],
  };
}

/** Facility ÷ IT energy (energy-weighted PUE); null without IT energy. */
export function weightedPue(t: TPeriodTotals): number | null {
  return t.itEnergyKwh > 0 ? roundFor(t.facilityEnergyKwh / t.itEnergyKwh, 'PUE') : null;
}

/** Share of IT energy measured, % (the one definition: `measuredShare` in lib/emissions/measured-share.ts). */
export function measuredSharePct(t: TPeriodTotals): number | null {
  const share = measuredShare(t.measuredItEnergyKwh, t.itEnergyKwh);
  return share === null ? null : roundFor(share * 100, '%');
}
