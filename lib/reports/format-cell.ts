import type { TCell } from './report-model';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** Display text of a report cell (preview and PDF): en-US grouping, the model's rounding, "n/a" for null. */
export function formatCell(value: TCell): string {
  if (value === null) {
    return 'n/a';
  }
  return typeof value === 'number' ? numberFormat.format(value) : value;
}
