import type { TReportColumn } from './report-model';

/** Units that are already the column label's noun ("Records", "Device-hours") are not repeated in headers. */
const SELF_EVIDENT_UNITS = new Set(['records', 'count', 'device-hours', 'illustrative']);

/** Column header with its unit, e.g. "Emissions LB (tCO2e)". */
export function columnHeader(column: TReportColumn): string {
  return column.unit && !SELF_EVIDENT_UNITS.has(column.unit)
    ? `${column.label} (${column.unit})`
    : column.label;
}
