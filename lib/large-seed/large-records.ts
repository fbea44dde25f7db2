/**
 * Deterministic rows of a large organisation for scale tests (`npm run db:seed:large`). Pure: the same index
 * always gives the same row. Shape: `deployments` series of hourly records (inference mostly; every 10th
 * series training, fine-tuning or evaluation), each series offset by a few minutes so records straddle hour
 * boundaries and local midnights, from 2025-01-01 UTC. Quantities are plausible (kWh per GPU-hour, grid
 * intensities per region) but synthetic: they exercise the queries, not the methodology.
 */

export const LARGE_START_MS = Date.UTC(2025, 0, 1);
export const HOURS = 700 * 24; // ~23 months of hourly records per series
export const TEAMS = ['research', 'applied-ml', 'platform', 'search', 'ads', 'vision', 'speech', 'safety'];
export const MODELS = [
  'atlas-70b',
  'atlas-8b',
  'nimbus-embed',
  'lyra-13b',
  'orion-vision',
  'quill-code',
  'echo-asr',
  'sage-rerank',
  'atlas-405b',
  'nimbus-small',
  'lyra-chat',
  'orion-detect',
];
const REGIONS: { provider: string; region: string; zone: string; gPerKwh: number; wue: number }[] = [
  { provider: 'aws', region: 'us-east-1', zone: 'US-MIDA-PJM', gPerKwh: 383, wue: 0.18 },
  { provider: 'aws', region: 'eu-west-1', zone: 'IE', gPerKwh: 282, wue: 0.02 },
  { provider: 'gcp', region: 'europe-west4', zone: 'NL', gPerKwh: 268, wue: 0.1 },
  { provider: 'gcp', region: 'us-central1', zone: 'US-MIDW-MISO', gPerKwh: 450, wue: 0.35 },
  { provider: 'azure', region: 'swedencentral', zone: 'SE-SE3', gPerKwh: 20, wue: 0.05 },
  { provider: 'azure', region: 'westeurope', zone: 'NL', gPerKwh: 268, wue: 0.1 },
  { provider: 'on_prem', region: 'fra-dc1', zone: 'DE', gPerKwh: 381, wue: 0.3 },
  { provider: 'aws', region: 'ap-northeast-1', zone: 'JP-TK', gPerKwh: 462, wue: 0.2 },
];
const ACCELERATORS = [
  { name: 'NVIDIA H100 80GB HBM3', watts: 700 },
  { name: 'NVIDIA A100-SXM4-80GB', watts: 400 },
  { name: 'NVIDIA L4', watts: 72 },
  { name: 'NVIDIA A10G', watts: 150 },
];
const PHASE_BY_SERIES = ['training', 'fine_tuning', 'evaluation'];

function pick<T>(values: readonly T[], index: number): T {
  const value = values[index % values.length];
  if (value === undefined) {
    throw new Error('empty list');
  }
  return value;
}

/** Cheap deterministic hash → [0, 1). */
function unit(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

export interface TLargeRefs {
  orgId: string;
  teamIds: string[];
  /** 3 projects per team: projectIds[team * 3 + k]. */
  projectIds: string[];
  /** factor_set ids by `largeFactorSetKey` (stored first by scripts/db-seed-large.ts). */
  factorSetIds: ReadonlyMap<string, string>;
  computedAt: string;
}

const LARGE_METHODOLOGY = '2026.11.0';
const LARGE_FLAGS_ESTIMATED = ['ENERGY_FROM_TDP_MODEL', 'UTILIZATION_DEFAULT'];
const largeFactorSetKey = (zone: string, measured: boolean) =>
  `${zone}|${measured ? 'measured' : 'estimated'}`;

/** The distinct provenance sets of the synthetic records: one grid factor per zone, measured or estimated flags. */
export function largeFactorSets() {
  const zones = new Map(REGIONS.map((r) => [r.zone, r.gPerKwh]));
  return [...zones].flatMap(([zone, gPerKwh]) =>
    [true, false].map((measured) => ({
      key: largeFactorSetKey(zone, measured),
      factors: [
        {
          id: `large-grid-${zone}`,
          kind: 'grid-intensity',
          value: gPerKwh,
          unit: 'gCO2e/kWh',
          source: 'synthetic',
          datasetVersion: 'large-seed-1',
          basis: 'lifecycle',
        },
      ],
      methodologyVersion: LARGE_METHODOLOGY,
      assumptionFlags: measured ? [] : LARGE_FLAGS_ESTIMATED,
    })),
  );
}

/** Columns written by `largeRecordLine`, in order (COPY … (FORMAT csv)). */
export const LARGE_COLUMNS = [
  'org_id',
  'external_id',
  'content_hash',
  'phase',
  'started_at',
  'ended_at',
  'team_id',
  'project_id',
  'model',
  'provider',
  'region',
  'accelerator',
  'accelerator_count',
  'grid_zone',
  'country_code',
  'requests',
  'tokens',
  'device_hours',
  'it_energy_kwh',
  'facility_energy_kwh',
  'pue_applied',
  'intensity_g_co2e_per_kwh',
  'intensity_source',
  'basis',
  'location_kg_co2e',
  'market_kg_co2e',
  'market_matched_kwh',
  'embodied_kg_co2e',
  'water_onsite_l',
  'water_offsite_l',
  'uncertainty_low_kg_co2e',
  'uncertainty_high_kg_co2e',
  'is_measured',
  'factor_set_id',
  'computed_at',
];

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Record `i` of `total` as one COPY csv line (newline included). */
export function largeRecordLine(i: number, refs: TLargeRefs): string {
  const series = Math.floor(i / HOURS);
  const hour = i % HOURS;
  const phase = series % 10 < 3 ? pick(PHASE_BY_SERIES, series % 10) : 'inference';
  const team = series % TEAMS.length;
  const project = team * 3 + (series % 3);
  const model = pick(MODELS, series);
  const where = pick(REGIONS, series * 7 + 3);
  const acc = pick(ACCELERATORS, series);
  const count = phase === 'training' ? 8 : phase === 'inference' ? 1 : 2;
  const startMs = LARGE_START_MS + hour * 3_600_000 + ((series * 7) % 60) * 60_000;
  const r = unit(i);
  const utilisation = 0.35 + 0.6 * r;
  const deviceHours = count;
  const itKwh = round((deviceHours * acc.watts * utilisation) / 1000);
  const pue = where.provider === 'on_prem' ? 1.5 : 1.15;
  const facilityKwh = round(itKwh * pue);
  const locationKg = round((facilityKwh * where.gPerKwh) / 1000);
  const marketKg = round(locationKg * (where.provider === 'azure' ? 0.2 : 1.1));
  const embodiedKg = round(deviceHours * 0.012);
  const requests = phase === 'inference' ? Math.round(2000 + 40000 * unit(i + 7)) : '';
  const tokens = phase === 'inference' ? Math.round(Number(requests) * (300 + 900 * r)) : '';
  const measured = i % 3 === 0;
  return `${[
    refs.orgId,
    `l-${series}-${hour}`,
    `h${i}`,
    phase,
    new Date(startMs).toISOString(),
    new Date(startMs + 3_600_000).toISOString(),
    refs.teamIds[team],
    refs.projectIds[project],
    model,
    where.provider,
    where.region,
    `"${acc.name}"`,
    count,
    where.zone,
    where.zone.slice(0, 2),
    requests,
    tokens,
    deviceHours,
    itKwh,
    facilityKwh,
    pue,
    where.gPerKwh,
    'bundled',
    'lifecycle',
    locationKg,
    marketKg,
    where.provider === 'azure' ? facilityKwh : 0,
    embodiedKg,
    round(facilityKwh * where.wue),
    round(facilityKwh * 1.8),
    round(locationKg * 0.8),
    round(locationKg * 1.25),
    measured,
    refs.factorSetIds.get(largeFactorSetKey(where.zone, measured)),
    refs.computedAt,
  ].join(',')}\n`;
}
