import { parseNumberCell } from './parse-number';
import { readLocalTimestamp } from './time-zone';
import type { CsvRow, IssueSink } from './types';

/** One CodeCarbon emissions.csv row, read by column name (docs/CSV_FORMAT.md §4); units as written. */
export interface CodecarbonRow {
  line: number;
  /** run_id, or experiment_id in v0/v1 files (which have no run_id); null when empty or "None". */
  runId: string | null;
  /** experiment_id when the file also has run_id (v2.7+: the API experiment of .codecarbon.config). */
  experimentId?: string;
  /** Write time = end of the covered window, converted from local time to UTC. */
  endedAt: Date;
  /** Cumulative seconds since the tracker started. */
  durationS: number;
  /** Cumulative kWh, already multiplied by `pue`. */
  energyKwh: number;
  emissionsKg: number | null;
  pue?: number;
  wue?: number;
  waterL?: number;
  projectName?: string;
  countryIso?: string;
  region?: string;
  cloudProvider?: string;
  cloudRegion?: string;
  /** on_cloud: 'Y' or 'N' as CodeCarbon writes it (v2+); undefined in older files. */
  onCloud?: string;
  /** gpu_energy (kWh, × pue like every CodeCarbon energy); undefined when the column is absent. */
  gpuEnergyKwh?: number;
  version?: string;
  gpuCount?: number;
  gpuModel?: string;
  gpuUtilizationPct?: number;
  latitude?: number;
  longitude?: number;
  trackingMode?: string;
  /** os | cpu_model | cpu_count: identifies the machine for the overlap (multi-rank) warning. */
  hostKey: string;
}

/** Reads CodeCarbon rows by header name; never by position, since columns moved between generations. */
export function makeCodecarbonRowReader(headers: string[], timeZone: string, sink: IssueSink) {
  const index = new Map(headers.map((h, i) => [h, i]));
  // v0.x/v1.x files have experiment_id (the per-run UUID) and no run_id; from v2.7 experiment_id is the
  // shared API experiment (default 5b0fa12a-…) and must not be used as a run id.
  const runIdColumn = index.has('run_id') ? 'run_id' : index.has('experiment_id') ? 'experiment_id' : null;

  return (row: CsvRow): CodecarbonRow | null => {
    let ok = true;
    const text = (col: string): string | undefined => {
      const i = index.get(col);
      const value = i === undefined ? undefined : row.fields[i]?.trim();
      return value === '' ? undefined : value;
    };
    const num = (col: string, required: string | null, min = 0): number | undefined => {
      const cell = text(col);
      const n = parseNumberCell(cell ?? '');
      if (n.kind === 'number' && n.value >= min) {
        return n.value;
      }
      if (n.kind === 'empty' && required === null) {
        return undefined;
      }
      ok = false;
      const why =
        n.kind === 'empty'
          ? (required ?? 'is empty')
          : n.kind === 'invalid'
            ? n.message
            : `must be at least ${min} (got ${cell})`;
      sink.error(row.line, col, `${col}: ${why}`);
      return undefined;
    };

    const stamp = text('timestamp');
    const read = stamp === undefined ? null : readLocalTimestamp(stamp, timeZone);
    const endedAt = read && read.kind !== 'gap' ? read.instant : null;
    if (!read) {
      ok = false;
      sink.error(
        row.line,
        'timestamp',
        `timestamp: "${stamp ?? ''}" is not a date-time like 2024-05-31T10:39:13`,
      );
    } else if (read.kind === 'gap') {
      ok = false;
      sink.error(
        row.line,
        'timestamp',
        `timestamp: "${stamp}" does not exist in ${timeZone} (the clocks skip that hour when they go forward): the file was written in another time zone; choose that zone`,
      );
    } else if (read.kind === 'ambiguous') {
      // The run's length is CodeCarbon's own duration column, so this choice only places the run: it moves it by
      // one hour on the grid-intensity series at most.
      sink.warn(
        row.line,
        'timestamp',
        `timestamp: "${stamp}" happens twice in ${timeZone} (the clocks go back that night); read as the first occurrence (${read.instant.toISOString()}), the run may have ended one hour later`,
      );
    }
    const durationS = num('duration', 'is empty; CodeCarbon wrote no duration for this row');
    const energyKwh = num(
      'energy_consumed',
      'is empty: CodeCarbon wrote no measurement for this row (known CodeCarbon defect); it is left out, not counted as 0',
    );
    const emissionsKg = num('emissions', null);
    const pue = num('pue', null, 1);
    const wue = num('wue', null);
    const waterL = num('water_consumed', null);
    const gpuCount = num('gpu_count', null);
    // Read leniently: it only decides the personal-device default, so a bad cell must not reject the row.
    const gpuEnergyCell = parseNumberCell(text('gpu_energy') ?? '');
    const gpuEnergyKwh = gpuEnergyCell.kind === 'number' ? gpuEnergyCell.value : undefined;
    const gpuUtilizationPct = num('gpu_utilization_percent', null);
    const latitude = num('latitude', null, -90);
    const longitude = num('longitude', null, -180);
    if (!ok || !endedAt || durationS === undefined || energyKwh === undefined) {
      return null;
    }
    const rawRunId = runIdColumn ? text(runIdColumn) : undefined;
    return {
      line: row.line,
      runId: rawRunId === undefined || rawRunId === 'None' ? null : rawRunId,
      experimentId: runIdColumn === 'run_id' ? text('experiment_id') : undefined,
      endedAt,
      durationS,
      energyKwh,
      emissionsKg: emissionsKg ?? null,
      pue,
      wue,
      waterL,
      projectName: text('project_name'),
      countryIso: text('country_iso_code'),
      region: text('region'),
      cloudProvider: text('cloud_provider')?.toLowerCase(),
      cloudRegion: text('cloud_region'),
      onCloud: text('on_cloud')?.toUpperCase(),
      gpuEnergyKwh,
      version: text('codecarbon_version'),
      gpuCount,
      gpuModel: text('gpu_model'),
      gpuUtilizationPct,
      latitude,
      longitude,
      trackingMode: text('tracking_mode'),
      hostKey: [text('os'), text('cpu_model'), text('cpu_count')].join('|'),
    };
  };
}
