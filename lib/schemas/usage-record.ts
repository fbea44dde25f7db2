import { z } from 'zod';

/**
 * The canonical usage record (generic CSV template v1). One row = one workload over a period.
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

// Documented in the generated OpenAPI document (lib/api/openapi.ts).
const ZIsoText = z.string().meta({ description: 'ISO 8601 date or date-time; no offset = UTC' });

const ZInstant = z.union([ZIsoText, z.date()]).transform((value, ctx) => {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid date' });
      return z.NEVER;
    }
    return value;
  }
  const date = parseIsoInstant(value);
  if (!date) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not an ISO 8601 date or date-time (e.g. 2025-03-01 or 2025-03-01T12:00:00Z)`,
    });
    return z.NEVER;
  }
  return date;
});

/** Plausible usage years: AI accelerators and grid factors start in the 2000s; 1900/3000 are data errors. */
export const MIN_USAGE_YEAR = 2000;
export const MAX_USAGE_YEAR = 2099;

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();
const nonNegative = () => z.number().finite().nonnegative();

export const ZUsageRecordInput = z
  .object({
    recordId: optionalText(128),
    phase: z.enum(PHASES),
    startedAt: ZInstant,
    endedAt: ZInstant,
    team: optionalText(200),
    project: optionalText(200),
    model: optionalText(200),
    provider: z.enum(PROVIDERS).optional(),
    region: optionalText(100),
    accelerator: optionalText(100),
    acceleratorCount: z.number().int().positive().max(1_000_000).optional(),
    acceleratorHours: nonNegative().optional(),
    acceleratorPowerW: nonNegative().max(100_000).optional(),
    utilization: z.number().min(0).max(1).optional(),
    /** Measured IT energy (servers/accelerators), kWh, BEFORE PUE; facility energy = energyKwh × PUE. */
    energyKwh: nonNegative().optional(),
    requests: nonNegative().optional(),
    tokens: nonNegative().optional(),
    energyPerRequestWh: nonNegative().optional(),
    pue: z.number().finite().min(1).max(5).optional(),
    /** Location-based grid intensity override, gCO2e/kWh, read on the organisation's basis (flagged). */
    carbonIntensityGPerKwh: nonNegative().max(5_000).optional(),
    wueLPerKwh: nonNegative().max(50).optional(),
    cost: nonNegative().optional(),
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
    if (row.endedAt.getTime() < row.startedAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'ended_at is before started_at' });
    }
  });

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
