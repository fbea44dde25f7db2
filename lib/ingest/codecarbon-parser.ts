import { parseAcceleratorName } from '@/lib/emissions/resolve-accelerator';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { codecarbonLocation, isQuebecFallback } from './codecarbon-location';
import { type CodecarbonRow, makeCodecarbonRowReader } from './codecarbon-rows';
import { warnMachineOverlaps, warnSameStartClusters } from './codecarbon-warnings';
import { type CsvTable, isBlankRow } from './csv-table';
import { INGEST_FLAGS } from './flags';
import type { IssueSink, ParsedRecord } from './types';
import { type TRecordSchema, validateRecord } from './validate-record';

export interface CodecarbonContext {
  timeZone: string;
  defaults: Partial<TUsageRecordInput>;
  /** Record schema (bounds relative to `now`); default `ZUsageRecordInput`. */
  schema?: TRecordSchema;
}

/** Record fields → CodeCarbon column, so validation errors name the cell to fix. */
const COLUMN_OF: Record<string, string> = {
  startedAt: 'duration',
  endedAt: 'timestamp',
  energyKwh: 'energy_consumed',
  pue: 'pue',
  project: 'project_name',
  provider: 'cloud_provider',
  region: 'country_iso_code',
  accelerator: 'gpu_model',
  acceleratorCount: 'gpu_count',
  utilization: 'gpu_utilization_percent',
  recordId: 'run_id',
};

/**
 * Parses a CodeCarbon emissions.csv (any header generation, docs/CSV_FORMAT.md §4). Rows are cumulative
 * per run, so each run_id keeps only its longest-duration valid row; rows with an empty/"None" run_id are
 * each their own record. Energy: `energy_consumed` already includes CodeCarbon's `pue`, so
 * energyKwh = energy_consumed / pue (IT energy) and a pue ≠ 1 is carried in record.pue (see docs/CSV_FORMAT.md).
 */
export function parseCodecarbonTable(
  table: CsvTable,
  ctx: CodecarbonContext,
  sink: IssueSink,
): { records: ParsedRecord[]; collapsed: number } {
  const headers = table.header.fields;
  const readRow = makeCodecarbonRowReader(headers, ctx.timeZone, sink);
  const seenRaw = new Map<string, number>();
  const runs = new Map<string, CodecarbonRow[]>();
  const loose: CodecarbonRow[] = [];
  let collapsed = 0;

  for (const row of table.rows) {
    if (isBlankRow(row)) {
      continue;
    }
    if (row.fields.length !== headers.length) {
      // CodeCarbon #1304 (columns dropped, appended without header) and #43 (glued rows) both show here.
      sink.error(
        row.line,
        null,
        `row has ${row.fields.length} fields but the header has ${headers.length}: values are shifted (CodeCarbon issue #1304) or two rows are glued together; the row is left out — fix or delete it`,
      );
      continue;
    }
    const raw = row.fields.join('\u0000');
    const firstLine = seenRaw.get(raw);
    if (firstLine !== undefined) {
      sink.warn(
        row.line,
        null,
        `line ${row.line} repeats line ${firstLine} exactly (CodeCarbon issue #1307, stop() called twice); counted once`,
      );
      collapsed++;
      continue;
    }
    seenRaw.set(raw, row.line);
    const parsed = readRow(row);
    if (!parsed) {
      continue;
    }
    if (parsed.runId === null) {
      loose.push(parsed);
    } else {
      const group = runs.get(parsed.runId) ?? [];
      group.push(parsed);
      runs.set(parsed.runId, group);
    }
  }

  const kept: { row: CodecarbonRow; rowsCollapsed: number }[] = loose.map((row) => ({
    row,
    rowsCollapsed: 1,
  }));
  for (const group of runs.values()) {
    // Cumulative totals: the longest duration is the latest state of the run (ties: the later line).
    const latest = group.reduce((a, b) => (b.durationS >= a.durationS ? b : a));
    kept.push({ row: latest, rowsCollapsed: group.length });
    collapsed += group.length - 1;
  }
  kept.sort((a, b) => a.row.line - b.row.line);

  const clusters = warnSameStartClusters(
    kept.map((k) => k.row),
    sink,
  );
  warnMachineOverlaps(
    kept.map((k) => k.row),
    clusters,
    sink,
  );

  const records: ParsedRecord[] = [];
  for (const { row, rowsCollapsed } of kept) {
    const record = toRecord(row, rowsCollapsed, ctx, sink);
    if (record) {
      records.push(record);
    }
  }
  return { records, collapsed };
}

function toRecord(
  row: CodecarbonRow,
  rowsCollapsed: number,
  ctx: CodecarbonContext,
  sink: IssueSink,
): ParsedRecord | null {
  const flags: string[] = [];
  const { defaults } = ctx;
  if (!defaults.phase) {
    flags.push(INGEST_FLAGS.PHASE_DEFAULTED);
  }
  if (row.runId === null) {
    flags.push(INGEST_FLAGS.RUN_ID_MISSING);
  }
  const quebecFallback = isQuebecFallback(row);
  if (quebecFallback) {
    flags.push(INGEST_FLAGS.QUEBEC_FALLBACK);
    sink.warn(
      row.line,
      'region',
      'CodeCarbon located this run in Quebec, Canada, its fallback when geolocation fails (≈ 3.9 gCO2e/kWh): confirm the real location, e.g. by choosing the region in the upload form',
    );
  }
  const pue = row.pue ?? 1;
  if (pue !== 1) {
    flags.push(INGEST_FLAGS.PUE_REMOVED);
  }
  const { provider, region } = codecarbonLocation(row, defaults);
  if (!region) {
    flags.push(INGEST_FLAGS.LOCATION_MISSING);
  }
  // `gpu_model` is "4 x NVIDIA A100-SXM4-40GB"; its count stands in when gpu_count is empty.
  const gpu = row.gpuModel ? parseAcceleratorName(row.gpuModel) : null;
  const gpuCount = row.gpuCount ?? gpu?.count;
  const hasGpu = gpuCount !== undefined && gpuCount > 0;
  const input: Record<string, unknown> = {
    recordId: row.runId === null ? `codecarbon:line-${row.line}` : `codecarbon:${row.runId}`,
    phase: defaults.phase ?? 'training',
    startedAt: new Date(row.endedAt.getTime() - Math.round(row.durationS * 1000)),
    endedAt: row.endedAt,
    team: defaults.team,
    project: defaults.project ?? row.projectName,
    model: defaults.model,
    provider,
    region,
    accelerator: hasGpu ? gpu?.name : undefined,
    acceleratorCount: hasGpu ? gpuCount : undefined,
    utilization: hasGpu && row.gpuUtilizationPct !== undefined ? row.gpuUtilizationPct / 100 : undefined,
    // IT energy: CodeCarbon multiplied every energy by its pue (default 1.0, i.e. not configured).
    energyKwh: row.energyKwh / pue,
    pue: pue !== 1 ? pue : undefined,
  };
  const record = validateRecord(input, row.line, (field) => COLUMN_OF[field] ?? null, sink, ctx.schema);
  if (!record) {
    return null;
  }
  return {
    line: row.line,
    record,
    flags,
    source: {
      codecarbon: {
        runId: row.runId,
        ...(row.experimentId ? { experimentId: row.experimentId } : {}),
        reportedEmissionsKg: row.emissionsKg,
        reportedEnergyKwh: row.energyKwh,
        pueApplied: row.pue,
        reportedWaterL: row.waterL,
        wueApplied: row.wue,
        countryIso: row.countryIso,
        region: row.region,
        cloudProvider: row.cloudProvider,
        cloudRegion: row.cloudRegion,
        quebecFallback,
        trackerVersion: row.version,
        rowsCollapsed,
      },
    },
  };
}
