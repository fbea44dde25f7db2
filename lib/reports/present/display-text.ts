import { PHASE_LABELS } from '@/lib/format/labels';
import { placeLabel, regionLabel } from '@/lib/format/place-label';
import { PROVIDER_LABELS } from '@/lib/format/provider-label';
import type { TCell, TReportColumn } from '../report-model';

// Display text of the report for people (preview page and PDF, which render the same components): the model keeps
// machine-friendly values (ISO instants, period keys, stored codes such as `on_prem`) because CSV, XLSX and JSON
// carry them for auditors; this module turns them into words at render time only, so figures never change.

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

const CODE_WORDS: Record<string, string> = {
  ...PROVIDER_LABELS,
  ...PHASE_LABELS,
  // The report breakdowns' key of on-device inference in products sold (`SOLD_PRODUCTS_PROVIDER_KEY`).
  edge_sold_products: 'On-device, sold products',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ISO_INSTANT = /\b(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g;
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const PERIOD_KEY = /\b(\d{4})-Q([1-4])\b/g;
/** snake_case codes (`data_processing`); only known ones are replaced, so file names in citations stay intact. */
const SNAKE_CODE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;
/** SCREAMING_CASE flags and contract types (`ENERGY_FROM_TDP_MODEL`, `GREEN_TARIFF`); citations never use them. */
const SCREAMING_CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
/** "aws / us-east-1 (…)": a provider code before the region. */
const PROVIDER_PREFIX = /\b([a-z_]+)(?= \/ )/g;
/**
 * The report's region key, "provider / region (grid zone)" (lib/reports/aggregate-records.ts): a whole cell, or
 * inside a sentence when the region has no spaces.
 */
const REGION_KEY_PROVIDERS = [...Object.keys(PROVIDER_LABELS), 'edge_sold_products', 'unspecified'].join('|');
const REGION_KEY_CELL = new RegExp(`^(${REGION_KEY_PROVIDERS}) / (.+) \\(([^()]*)\\)$`);
const REGION_KEY_TEXT = new RegExp(`\\b(${REGION_KEY_PROVIDERS}) / ([^\\s()]+) \\(([^()]*)\\)`, 'g');

/**
 * A region key as the records explorer names the place ("AWS us-east-1", "On-premise, Germany", an AI service's
 * "United States": `placeLabel`), its grid zone kept in brackets: "On-premise, Germany (DE)".
 */
function regionKeyWords(provider: string, region: string, zone: string): string {
  const stated = region === 'unspecified' ? null : region;
  const place =
    provider in PROVIDER_LABELS
      ? placeLabel({ provider, region: stated })
      : [codeWords(provider), stated ? regionLabel(stated) : null].filter(Boolean).join(', ');
  return `${place} (${zone})`;
}

const dayWords = (y: string, m: string, d: string) => `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;

/** "7 Dec 2026, 00:12 UTC" for an instant in `timeZone` (the organisation's, so a board reads local time). */
export function instantWords(iso: string, timeZone = 'UTC'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** "Data processing" for `data_processing`, "Intensity nearest year" for `INTENSITY_NEAREST_YEAR`. */
export function codeWords(code: string): string {
  const known = CODE_WORDS[code];
  if (known) {
    return known;
  }
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Any text of the model as people read it: instants, days and period keys in words, codes as labels. */
export function humaniseText(text: string, timeZone = 'UTC'): string {
  return text
    .replace(REGION_KEY_TEXT, (_, provider: string, region: string, zone: string) =>
      regionKeyWords(provider, region, zone),
    )
    .replace(PROVIDER_PREFIX, (code) => CODE_WORDS[code] ?? code)
    .replace(ISO_INSTANT, (iso) => instantWords(iso, timeZone))
    .replace(ISO_DAY, (_, y: string, m: string, d: string) => dayWords(y, m, d))
    .replace(PERIOD_KEY, (_, y: string, q: string) => `Q${q} ${y}`)
    .replace(SNAKE_CODE, (code) => CODE_WORDS[code]?.toLowerCase() ?? code)
    .replace(SCREAMING_CODE, (code, offset: number) =>
      offset === 0 ? codeWords(code) : codeWords(code).toLowerCase(),
    );
}

/** Display text of a report cell: en-US grouping, "n/a" for a missing value, words for codes and instants. */
export function displayCell(value: TCell, timeZone = 'UTC'): string {
  if (value === null) {
    return 'n/a';
  }
  if (typeof value === 'number') {
    return NUMBER.format(value);
  }
  const known = CODE_WORDS[value];
  if (known) {
    return known;
  }
  const regionKey = REGION_KEY_CELL.exec(value);
  if (regionKey) {
    const [, provider = '', region = '', zone = ''] = regionKey;
    return regionKeyWords(provider, region, zone);
  }
  return displayUnits(humaniseText(value, timeZone));
}

/** One spelling of units on screen and paper: tCO₂e, gCO₂e/… (the exports keep ASCII "tCO2e" for machines). */
export function displayUnits(text: string): string {
  return text.replaceAll('CO2e', 'CO₂e').replaceAll('CO2', 'CO₂');
}

const SELF_EVIDENT_UNITS = new Set(['records', 'count', 'device-hours', 'illustrative']);

/** Column header with its unit, e.g. "Emissions LB (tCO₂e)", and a period key in words. */
export function displayColumnHeader(column: TReportColumn): string {
  const label = humaniseText(column.label);
  return displayUnits(
    column.unit && !SELF_EVIDENT_UNITS.has(column.unit) ? `${label} (${column.unit})` : label,
  );
}

/** "1 July – 30 September 2026" for the half-open period [start, end) in its time zone. */
export function periodWords(period: { start: string; end: string; timeZone: string }): string {
  const day = (iso: string) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      timeZone: period.timeZone,
    }).formatToParts(new Date(iso));
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return { d: part('day'), m: part('month'), y: part('year') };
  };
  const first = day(period.start);
  // The end is exclusive: the last day is the one before it (1 ms earlier is inside that day in any zone).
  const last = day(new Date(new Date(period.end).getTime() - 1).toISOString());
  const firstText =
    first.y === last.y
      ? `${first.d} ${LONG_MONTHS[first.m - 1]}`
      : `${first.d} ${LONG_MONTHS[first.m - 1]} ${first.y}`;
  return `${firstText} – ${last.d} ${LONG_MONTHS[last.m - 1]} ${last.y}`;
}
