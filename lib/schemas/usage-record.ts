import { z } from 'zod';
import { formatUtcOffset, resolveZonedWallTime } from '@/lib/emissions/time-zone';
import { flatCopy } from '@/lib/utils/flat-copy';

/**
 * The canonical usage record (generic CSV template v1.1; v1 files stay valid: v1.1 only adds the optional
 * instance_type, instance_count and instance_hours columns). One row = one workload over a period.
 * CSV headers are the snake_case names in `USAGE_RECORD_CSV_COLUMNS`; JSON/API bodies use the camelCase
 * keys of `ZUsageRecordInput`. Units are in the names: kWh, W, Wh, gCO2e/kWh, L/kWh, device-hours.
 * This schema is shared by the CSV parsers, the HTTP API, the CLI and the upload form.
 */

export const PHASES = [
  'training',
  'fine_tuning',
  'inference',
  'evaluation',
  'data_processing',
  'other',
] as const;
export type TPhase = (typeof PHASES)[number];

export const PROVIDERS = ['aws', 'gcp', 'azure', 'oci', 'on_prem', 'edge', 'other'] as const;
export type TProvider = (typeof PROVIDERS)[number];

// ISO 8601 date (YYYY-MM-DD) or date-time; a value without an offset is read as UTC.
const ISO_DATE_OR_DATETIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses an ISO 8601 date or date-time; no offset means UTC. Returns null when invalid. */
export function parseIsoInstant(value: string): Date | null {
  const text = value.trim();
  if (!ISO_DATE_OR_DATETIME.test(text)) {
    return null;
  }
  let normalised = text.replace(' ', 'T');
  if (normalised.length === 10) {
    normalised += 'T00:00:00Z';
  } else if (!/(?:Z|[+-]\d{2}:?\d{2})$/.test(normalised)) {
    normalised += 'Z';
  }
  const date = new Date(normalised);
  if (Number.isNaN(date.getTime())) {
    return null;
  }
  // Reject calendar overflow such as 2024-02-31, which Date silently rolls into March.
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  const probe = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() + 1 !== m || probe.getUTCDate() !== d) {
    return null;
  }
  return date;
}

const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * Reads an ISO 8601 date or date-time as an instant. A value with Z or an offset is that instant. A value without
 * one is wall time in `timeZone` (a date alone is local midnight); a wall time the zone's clocks show twice (the
 * repeated hour after a fall-back) or never (the hour skipped by a spring-forward) is refused with the offsets to
 * choose from, because guessing moves the record by an hour. With `timeZone` null (the HTTP API) a date-time
 * must carry its offset; a date alone is 00:00 UTC. Returns the instant or the message of the refusal.
 */
export function readInstantIn(value: string, timeZone: string | null): Date | string {
  const text = value.trim();
  // parseIsoInstant checks the format and the calendar and reads the wall fields as if they were UTC.
  const asUtc = parseIsoInstant(text);
  if (!asUtc) {
    return `"${value}" is not an ISO 8601 date or date-time (e.g. 2025-03-01 or 2025-03-01T12:00:00Z)`;
  }
  const dateOnly = text.length === 10;
  if (HAS_OFFSET.test(text) || (timeZone === null && dateOnly)) {
    return asUtc;
  }
  if (timeZone === null) {
    return `"${value}" has no UTC offset; add Z or the offset of its zone (e.g. ${text.replace(' ', 'T')}Z or ${text.replace(' ', 'T')}+01:00) — the API does not guess a time zone`;
  }
  const wall = {
    year: asUtc.getUTCFullYear(),
    month: asUtc.getUTCMonth() + 1,
    day: asUtc.getUTCDate(),
    hour: asUtc.getUTCHours(),
    minute: asUtc.getUTCMinutes(),
    second: asUtc.getUTCSeconds(),
    ms: asUtc.getUTCMilliseconds(),
  };
  const resolved = resolveZonedWallTime(wall, timeZone);
  const stamp = text.replace(' ', 'T');
  if (resolved.kind === 'ambiguous') {
    return `"${value}" happens twice in ${timeZone} (the clocks go back that night); add the offset: ${stamp}${formatUtcOffset(wall, resolved.earlier)} for the first, ${stamp}${formatUtcOffset(wall, resolved.later)} for the second`;
  }
  if (resolved.kind === 'gap') {
    return `"${value}" does not exist in ${timeZone} (the clocks skip that hour when they go forward); check the time, or add an offset`;
  }
  return resolved.earlier;
}

// Documented in the generated OpenAPI document (lib/server/http/openapi/openapi.ts).
// The document types it `format: date-time`; the parser is more lenient, as this description says.
const ZIsoText = z.string().meta({
  description:
    'ISO 8601 date-time with its offset, e.g. 2026-02-01T00:00:00Z; a date alone (2026-02-01) is 00:00 UTC; a date-time without offset is refused',
});

/**
 * Distinct timestamp texts remembered per schema: hourly records over a year have 8,760 distinct bounds, shared
 * by started_at and ended_at (one hour's end is the next one's start). ≈ 100 B each, so ≈ 1.6 MB when full.
 */
const MAX_REMEMBERED_INSTANTS = 16_384;

/**
 * `readInstantIn` for one zone, remembering the outcome per distinct text: large files repeat the same hourly
 * bounds on many rows, and reading one (format and calendar checks, the zone's offset) costs far more than a
 * look-up. Each call returns its own Date (callers may keep or change it). Bounded: cleared when full.
 */
function instantReader(timeZone: string | null): (value: string) => Date | string {
  const known = new Map<string, number | string>();
  return (value) => {
    let read = known.get(value);
    if (read === undefined) {
      if (known.size >= MAX_REMEMBERED_INSTANTS) {
        known.clear();
      }
      const instant = readInstantIn(value, timeZone);
      read = typeof instant === 'string' ? instant : instant.getTime();
      known.set(flatCopy(value), read);
    }
    return typeof read === 'string' ? read : new Date(read);
  };
}

/** The reader of the canonical schema (timestamps with an offset), shared by its two instant fields. */
const readUtcInstant = instantReader(null);

/** An instant field; `timeZone` is the zone of values without offset (null: refuse them, see `readInstantIn`). */
function zInstant(timeZone: string | null, readInstant = instantReader(timeZone)) {
  return z.union([ZIsoText, z.date()]).transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'is not a valid date' });
        return z.NEVER;
      }
      return value;
    }
    const read = readInstant(value);
    if (typeof read === 'string') {
      ctx.addIssue({ code: 'custom', message: read });
      return z.NEVER;
    }
    return read;
  });
}

/** Plausible usage years: AI accelerators and grid factors start in the 2000s; 1900/3000 are data errors. */
export const MIN_USAGE_YEAR = 2000;
export const MAX_USAGE_YEAR = 2099;

/**
 * The longest period one record may span. One record becomes one daily rollup row per local day it touches
 * (usage_rollup_daily), so an unbounded period let ten rows of a small file create 365,000 rows. 366 days holds a
 * whole (leap) year: yearly invoices and the longest published pre-training runs (a few months) fit; longer
 * activity is reported as several records. See docs/decisions/reliability.md.
 */
export const MAX_RECORD_DURATION_DAYS = 366;
const DAY_MS = 86_400_000;
const MAX_RECORD_DURATION_MS = MAX_RECORD_DURATION_DAYS * DAY_MS;

/** How far past `now` a record may end: one day, for clock skew and time zones ahead of the server's. */
export const MAX_FUTURE_DAYS = 1;

/**
 * Plausible range of every numeric input of one record, with the reason for each upper bound (docs/CSV_FORMAT.md
 * lists them). Each bound is the largest plausible SINGLE record with a wide margin, so real data never meets
 * it while a typo or a hostile 1e308 does. With these bounds every engine output is finite (the largest result,
 * 1e12 kWh × PUE 5 × 5,000 g/kWh, is 2.5e13 kg) and sums of any number of records stay far from overflow.
 */
export const USAGE_RECORD_RANGES = {
  // xAI's Colossus (~200,000 GPUs, 2025) is the largest published cluster; 5× margin.
  acceleratorCount: { min: 1, max: 1_000_000, unit: 'devices' },
  // 1,000,000 devices × 366 days × 24 h = 8.8e9 device-hours.
  acceleratorHours: { min: 0, max: 10_000_000_000, unit: 'device-hours' },
  // Same bound as acceleratorCount: an instance carries at least one accelerator or a share of one.
  instanceCount: { min: 1, max: 1_000_000, unit: 'instances' },
  // 1,000,000 instances × 366 days × 24 h = 8.8e9 instance-hours.
  instanceHours: { min: 0, max: 10_000_000_000, unit: 'instance-hours' },
  // Per device: the largest boards draw 1–3 kW; 100 kW is a whole liquid-cooled rack counted as one device.
  acceleratorPowerW: { min: 0, max: 100_000, unit: 'W' },
  utilization: { min: 0, max: 1, unit: '(fraction)' },
  // A 1 GW campus running at full power for 366 days uses 8.8e9 kWh.
  energyKwh: { min: 0, max: 10_000_000_000, unit: 'kWh' },
  // About the yearly number of web searches worldwide (~5e12); 2× margin.
  requests: { min: 0, max: 10_000_000_000_000, unit: 'requests' },
  // Google reported ~1e15 tokens a month across its products (2025): a year is 1.2e16; ~8× margin.
  tokens: { min: 0, max: 100_000_000_000_000_000, unit: 'tokens' },
  // Published per-prompt figures are 0.2–3 Wh; a long video generation is well under 10 kWh.
  energyPerRequestWh: { min: 0, max: 10_000, unit: 'Wh' },
  // The worst data centres report PUE ≈ 2.5–3; above 5 is a typo (e.g. 15 for 1.5).
  pue: { min: 1, max: 5, unit: '' },
  // The dirtiest grids are ~1,000–1,200 gCO2e/kWh (lignite, oil); 5,000 leaves room for unusual sources.
  carbonIntensityGPerKwh: { min: 0, max: 5_000, unit: 'gCO2e/kWh' },
  // Evaporative cooling in hot climates stays below ~10 L/kWh on-site plus off-site water for generation.
  wueLPerKwh: { min: 0, max: 50, unit: 'L/kWh' },
  // The costliest published training runs are ~1e9 USD; 1e12 leaves room for low-value currencies.
  cost: { min: 0, max: 1_000_000_000_000, unit: '(currency)' },
} as const;
export type TUsageRecordRangeField = keyof typeof USAGE_RECORD_RANGES;

/** "0 – 10,000,000,000 kWh" */
export function describeRange(field: TUsageRecordRangeField): string {
  const { min, max, unit } = USAGE_RECORD_RANGES[field];
  const n = (v: number) => v.toLocaleString('en-US');
  return `${n(min)} – ${n(max)}${unit && !unit.startsWith('(') ? ` ${unit}` : ''}`;
}

/** A number within the field's plausible range; errors name the range ("must be within 0 – 10,000 Wh"). */
function bounded(field: TUsageRecordRangeField) {
  const { min, max } = USAGE_RECORD_RANGES[field];
  const message = `must be within ${describeRange(field)}`;
  return z.number().finite().min(min, { error: message }).max(max, { error: message });
}

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

interface InstanceFields {
  instanceType?: string | undefined;
  instanceCount?: number | undefined;
  instanceHours?: number | undefined;
  acceleratorCount?: number | undefined;
  acceleratorHours?: number | undefined;
}

/**
 * An instance row counts instances, not devices: its device-hours come from the instance table, so a device count
 * or device-hours on the same row would give the quantity twice (and possibly two different values).
 */
function checkInstanceFields(row: InstanceFields, ctx: z.RefinementCtx): void {
  if (row.instanceType === undefined) {
    for (const key of ['instanceCount', 'instanceHours'] as const) {
      if (row[key] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${key === 'instanceCount' ? 'instance_count' : 'instance_hours'} needs an instance_type`,
        });
      }
    }
    return;
  }
  for (const key of ['acceleratorCount', 'acceleratorHours'] as const) {
    if (row[key] !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `a row with an instance_type counts instances: give instance_count or instance_hours instead of ${key === 'acceleratorCount' ? 'accelerator_count' : 'accelerator_hours'} (the accelerators per instance come from the instance table)`,
      });
    }
  }
}

/** The canonical record schema: timestamps carry their offset (a date alone is 00:00 UTC), see `readInstantIn`. */
export const ZUsageRecordInput = z
  .object({
    recordId: optionalText(128),
    phase: z.enum(PHASES),
    startedAt: zInstant(null, readUtcInstant),
    endedAt: zInstant(null, readUtcInstant),
    team: optionalText(200),
    project: optionalText(200),
    model: optionalText(200),
    provider: z.enum(PROVIDERS).optional(),
    region: optionalText(100),
    accelerator: optionalText(100),
    /**
     * Cloud instance type (`p4d.24xlarge`); resolved with the provider in reference/instance-types. The row then
     * means `instanceCount` instances over the run (or `instanceHours` instance-hours), and the engine derives
     * accelerator-hours = instance-hours × accelerators per instance (docs/METHODOLOGY.md).
     */
    instanceType: optionalText(100).meta({
      description:
        'Cloud instance type as the provider writes it (p4d.24xlarge, a3-highgpu-8g, Standard_ND96isr_H100_v5); the accelerator and its count come from the instance table. Not with acceleratorCount/acceleratorHours.',
    }),
    instanceCount: bounded('instanceCount')
      .int()
      .optional()
      .meta({ description: 'Instances of instanceType over the whole run (default 1).' }),
    instanceHours: bounded('instanceHours')
      .optional()
      .meta({ description: 'Instance-hours of instanceType (wins over instanceCount × duration).' }),
    acceleratorCount: bounded('acceleratorCount').int().optional(),
    acceleratorHours: bounded('acceleratorHours').optional(),
    acceleratorPowerW: bounded('acceleratorPowerW').optional(),
    utilization: bounded('utilization').optional(),
    /** Measured IT energy (servers/accelerators), kWh, BEFORE PUE; facility energy = energyKwh × PUE. */
    energyKwh: bounded('energyKwh').optional(),
    requests: bounded('requests').optional(),
    tokens: bounded('tokens').optional(),
    energyPerRequestWh: bounded('energyPerRequestWh').optional(),
    pue: bounded('pue').optional(),
    /** Location-based grid intensity override, gCO2e/kWh, read on the organisation's basis (flagged). */
    carbonIntensityGPerKwh: bounded('carbonIntensityGPerKwh').optional(),
    wueLPerKwh: bounded('wueLPerKwh').optional(),
    cost: bounded('cost').optional(),
    notes: z.string().trim().max(2000).optional(),
  })
  .superRefine((row, ctx) => {
    for (const key of ['startedAt', 'endedAt'] as const) {
      const year = row[key].getUTCFullYear();
      if (year < MIN_USAGE_YEAR || year > MAX_USAGE_YEAR) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `year ${year} is outside the supported range ${MIN_USAGE_YEAR}–${MAX_USAGE_YEAR} (a typo or a spreadsheet's empty-date default?)`,
        });
      }
    }
    checkInstanceFields(row, ctx);
    const durationMs = row.endedAt.getTime() - row.startedAt.getTime();
    if (durationMs < 0) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'ended_at is before started_at' });
    } else if (durationMs > MAX_RECORD_DURATION_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['endedAt'],
        message: `the record spans ${(durationMs / DAY_MS).toFixed(1)} days; one record may span at most ${MAX_RECORD_DURATION_DAYS} days (split longer periods into several records)`,
      });
    }
  });

/**
 * The record schema reading timestamps without offset as wall time in `timeZone` (uploads: the upload's zone,
 * default the organisation's; CLI: `--time-zone`), or refusing them when null (`ZUsageRecordInput`, the API).
 */
export function usageRecordSchemaIn(timeZone: string | null): typeof ZUsageRecordInput {
  if (timeZone === null) {
    return ZUsageRecordInput;
  }
  // safeExtend keeps the period checks of ZUsageRecordInput (zod's extend drops refinements).
  const read = instantReader(timeZone);
  return ZUsageRecordInput.safeExtend({
    startedAt: zInstant(timeZone, read),
    endedAt: zInstant(timeZone, read),
  });
}

/**
 * The canonical record schema as of `now`: `ZUsageRecordInput` plus "ends at most `MAX_FUTURE_DAYS` after `now`".
 * Every path that accepts records validates with this one (uploads, POST /api/v1/records and /estimate,
 * CodeCarbon live runs, the CLI); `now` is an argument so the schema stays pure.
 */
export function usageRecordSchemaAt(now: Date, timeZone: string | null = null) {
  const latestMs = now.getTime() + MAX_FUTURE_DAYS * DAY_MS;
  // ended_at ≥ started_at is checked already, so a start in the future is reported on ended_at too.
  return usageRecordSchemaIn(timeZone).superRefine((row, ctx) => {
    if (row.endedAt.getTime() > latestMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['endedAt'],
        message: `ended_at ${row.endedAt.toISOString()} is in the future; records may end at most ${MAX_FUTURE_DAYS} day after now (${new Date(latestMs).toISOString()})`,
      });
    }
  });
}

/** A validated usage record, in canonical units. */
export type TUsageRecordInput = z.output<typeof ZUsageRecordInput>;

/** CSV column (snake_case) → record key (camelCase), in template order. */
export const USAGE_RECORD_CSV_COLUMNS = {
  record_id: 'recordId',
  phase: 'phase',
  started_at: 'startedAt',
  ended_at: 'endedAt',
  team: 'team',
  project: 'project',
  model: 'model',
  provider: 'provider',
  region: 'region',
  instance_type: 'instanceType',
  instance_count: 'instanceCount',
  instance_hours: 'instanceHours',
  accelerator: 'accelerator',
  accelerator_count: 'acceleratorCount',
  accelerator_hours: 'acceleratorHours',
  accelerator_power_w: 'acceleratorPowerW',
  utilization: 'utilization',
  energy_kwh: 'energyKwh',
  requests: 'requests',
  tokens: 'tokens',
  energy_per_request_wh: 'energyPerRequestWh',
  pue: 'pue',
  carbon_intensity_g_per_kwh: 'carbonIntensityGPerKwh',
  wue_l_per_kwh: 'wueLPerKwh',
  cost: 'cost',
  notes: 'notes',
} as const satisfies Record<string, keyof TUsageRecordInput>;

export type TUsageRecordCsvColumn = keyof typeof USAGE_RECORD_CSV_COLUMNS;
