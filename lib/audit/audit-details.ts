import { formatDateTime } from '@/lib/format/date-time';
import { humanizeCode } from '@/lib/format/labels';
import { formatNumber } from '@/lib/format/quantities';

// An audit event's metadata (stored as JSON: whatever the writer recorded) as readable fields for the Audit log
// page: "Reference: PPA-1", "Volume (MWh): 250", "Currency: EUR → USD" instead of a JSON blob. The CSV export keeps
// the raw JSON for machines.

export interface TAuditField {
  label: string;
  value: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Keys whose whole name is a unit or an abbreviation. */
const KNOWN_LABELS: Record<string, string> = {
  gCo2ePerKwh: 'Emission rate (g CO₂e/kWh)',
  pue: 'PUE',
  wueLPerKwh: 'WUE (L/kWh)',
  id: 'Id',
};
const UNIT_SUFFIXES: [RegExp, string][] = [
  [/GCo2ePerKwh$/, ' (g CO₂e/kWh)'],
  [/KgCo2e$/, ' (kg CO₂e)'],
  [/Kwh$/, ' (kWh)'],
  [/Mwh$/, ' (MWh)'],
  [/GCo2ePerKwh$/, ' (g CO₂e/kWh)'],
  [/PerKwh$/, ' per kWh'],
  [/Pct$/, ' (%)'],
];

/** "volumeMwh" → "Volume (MWh)", "carbonPricePerTonneCo2e" → "Carbon price per tonne co2e". */
export function fieldLabel(key: string): string {
  const known = KNOWN_LABELS[key];
  if (known) {
    return known;
  }
  let base = key;
  let unit = '';
  for (const [suffix, text] of UNIT_SUFFIXES) {
    if (suffix.test(base) && base.replace(suffix, '') !== '') {
      base = base.replace(suffix, '');
      unit = text;
      break;
    }
  }
  return `${humanizeCode(base.replaceAll(/([a-z0-9])([A-Z])/g, '$1 $2'))}${unit}`;
}

/**
 * One scalar as text: instants without ".000Z", numbers without false precision (years as written: "2025", not
 * "2,025"), yes/no, — for null.
 */
export function valueText(value: unknown, key = ''): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'number') {
    return /year$/i.test(key) && Number.isInteger(value) ? String(value) : formatNumber(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (typeof value === 'string') {
    return ISO_INSTANT.test(value) ? `${formatDateTime(value)} UTC` : value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? '—' : value.map((v) => valueText(v)).join(', ');
  }
  return JSON.stringify(value);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function flatten(prefix: string, value: unknown, out: TAuditField[], key = ''): void {
  if (isObject(value)) {
    for (const [inner, v] of Object.entries(value)) {
      flatten(prefix ? `${prefix} › ${fieldLabel(inner)}` : fieldLabel(inner), v, out, inner);
    }
    return;
  }
  out.push({ label: prefix, value: valueText(value, key) });
}

/** The old and new values of a change, as writers record them: { before, after } or { from, to }. */
function changePair(metadata: Record<string, unknown>) {
  for (const [oldKey, newKey] of [
    ['before', 'after'],
    ['from', 'to'],
  ] as const) {
    const [from, to] = [metadata[oldKey], metadata[newKey]];
    if (isObject(from) && isObject(to)) {
      const rest = { ...metadata };
      delete rest[oldKey];
      delete rest[newKey];
      return { from, to, rest };
    }
  }
  return null;
}

/**
 * Readable fields of an event's metadata. A `before`/`after` pair becomes one field per changed key
 * (or `from`/`to`; "Currency: EUR → USD"; unchanged keys are left out); nested objects are flattened ("Recompute › Records: 12").
 */
export function auditDetails(metadata: unknown): TAuditField[] {
  if (!isObject(metadata)) {
    return metadata === null || metadata === undefined
      ? []
      : [{ label: 'Details', value: valueText(metadata) }];
  }
  const out: TAuditField[] = [];
  const pair = changePair(metadata);
  if (pair) {
    for (const key of new Set([...Object.keys(pair.from), ...Object.keys(pair.to)])) {
      const from = valueText(pair.from[key], key);
      const to = valueText(pair.to[key], key);
      if (from !== to) {
        out.push({ label: fieldLabel(key), value: `${from} → ${to}` });
      }
    }
  }
  flatten('', pair ? pair.rest : metadata, out);
  return out;
}
