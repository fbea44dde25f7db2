import type { TCell, TReportColumn } from './report-model';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** Display text of a report cell (preview and PDF): en-US grouping, the model's rounding, "n/a" for null. */
export function formatCell(value: TCell): string {
  if (value === null) {
    return 'n/a';
  }
  return typeof value === 'number' ? numberFormat.format(value) : value;
}

/** Units that are already the column label's noun ("Records", "Device-hours") are not repeated in headers. */
const SELF_EVIDENT_UNITS = new Set(['records', 'count', 'device-hours', 'illustrative']);

/** Column header with its unit, e.g. "Emissions LB (tCO2e)". */
export function columnHeader(column: TReportColumn): string {
  return column.unit && !SELF_EVIDENT_UNITS.has(column.unit)
    ? `${column.label} (${column.unit})`
    : column.label;
}
