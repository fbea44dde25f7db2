import { describe, expect, test } from 'vitest';
import { INGEST_FLAGS } from './flags';
import { parseUsageFile } from './parse-usage-file';

// Synthetic v2.3 files (31 columns), one per known corruption of docs/CSV_FORMAT.md §4.
const V23 =
  'timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud,pue'.split(
    ',',
  );

const BASE: Record<string, string> = {
  timestamp: '2024-06-01T12:00:00',
  project_name: 'proj',
  run_id: 'run-1',
  experiment_id: '5b0fa12a-3dd7-45bb-9766-cc326314d9f1',
  duration: '3600',
  emissions: '0.02',
  energy_consumed: '0.5',
  country_name: 'Germany',
  country_iso_code: 'DEU',
  region: 'bavaria',
  os: 'Linux',
  cpu_model: 'AMD EPYC 7763',
  cpu_count: '64',
  tracking_mode: 'machine',
  on_cloud: 'N',
  pue: '1.0',
};
const line = (header: string[], values: Record<string, string> = {}) =>
  header.map((h) => ({ ...BASE, ...values })[h] ?? '').join(',');
const file = (header: string[], ...rows: string[]) =>
  new TextEncoder().encode([header.join(','), ...rows].join('\n'));
const parse = (bytes: Uint8Array, extra: Partial<Parameters<typeof parseUsageFile>[1]> = {}) =>
  parseUsageFile(bytes, { fileName: 'emissions.csv', ...extra });

describe('known corruptions (docs/CSV_FORMAT.md §4)', () => {
  test('shifted short row (issue #1304) is rejected with its line', () => {
    const short = line(V23).split(',').slice(0, 27).join(',');
    const result = parse(file(V23, line(V23), short));
    expect(result.records).toHaveLength(1);
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: null,
        message: expect.stringMatching(/27 fields but the header has 31.*#1304/),
      }),
    ]);
  });

  test('glued rows (issue #43) are caught by the field count', () => {
    const glued = `${line(V23, { run_id: 'x' })}${line(V23, { run_id: 'y' })}`;
    const result = parse(file(V23, glued, line(V23, { run_id: 'z' })));
    expect(result.errors.map((e) => e.line)).toEqual([2]);
    expect(result.records.map((r) => r.record.recordId)).toEqual(['codecarbon:z']);
  });

  test('duplicate final row (issue #1307) is counted once with a warning', () => {
    const row = line(V23, { run_id: '', duration: '50' });
    const result = parse(file(V23, row, row));
    expect(result.records).toHaveLength(1);
    expect(result.stats.duplicatesCollapsed).toBe(1);
    expect(result.warnings[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(/repeats line 2.*#1307/),
    });
  });

  test('"None" run ids are missing ids: each row is its own record', () => {
    const result = parse(
      file(
        V23,
        line(V23, { run_id: 'None', timestamp: '2024-06-01T10:00:00', duration: '100' }),
        line(V23, { run_id: 'None', timestamp: '2024-06-01T12:00:00', duration: '100' }),
      ),
    );
    expect(result.records.map((r) => r.record.recordId)).toEqual(['codecarbon:line-2', 'codecarbon:line-3']);
    expect(result.records.every((r) => r.flags.includes(INGEST_FLAGS.RUN_ID_MISSING))).toBe(true);
    expect(result.records[0]?.source?.codecarbon?.runId).toBeNull();
  });

  test('empty measurement cells are errors, not zeros; scientific notation is read', () => {
    const result = parse(
      file(
        V23,
        line(V23, { energy_consumed: '', emissions: '' }),
        line(V23, { run_id: 'r2', energy_consumed: '3.5e-05' }),
      ),
    );
    expect(result.errors).toEqual([expect.objectContaining({ line: 2, column: 'energy_consumed' })]);
    expect(result.records[0]?.record.energyKwh).toBe(0.000035);
  });

  test('malformed numbers and timestamps are row errors naming the column', () => {
    const result = parse(
      file(
        V23,
        line(V23, { run_id: 'a', gpu_count: 'two' }),
        line(V23, { run_id: 'b', timestamp: '31/05/2024 10:00' }),
        line(V23, { run_id: 'c', duration: '-5' }),
      ),
    );
    expect(result.records).toEqual([]);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'gpu_count'],
      [3, 'timestamp'],
      [4, 'duration'],
    ]);
  });

  test('Quebec fallback location is flagged; real Montreal coordinates are not', () => {
    const quebec = {
      country_iso_code: 'CAN',
      country_name: 'Canada',
      region: 'Quebec',
      latitude: '46.8',
      longitude: '-71.2',
    };
    const result = parse(
      file(
        V23,
        line(V23, { ...quebec, run_id: 'q' }),
        line(V23, { ...quebec, run_id: 'offline', latitude: '', longitude: '' }),
        line(V23, { ...quebec, run_id: 'mtl', latitude: '45.50', longitude: '-73.57' }),
      ),
    );
    const flagged = result.records.filter((r) => r.flags.includes(INGEST_FLAGS.QUEBEC_FALLBACK));
    expect(flagged.map((r) => r.record.recordId)).toEqual(['codecarbon:q', 'codecarbon:offline']);
    expect(flagged[0]?.source?.codecarbon?.quebecFallback).toBe(true);
    expect(result.warnings.filter((w) => w.column === 'region').map((w) => w.line)).toEqual([2, 3]);
  });

  test('cloud rows use the cloud region; lost providers take the upload form values', () => {
    const result = parse(
      file(
        V23,
        line(V23, { run_id: 'g', cloud_provider: 'gcp', cloud_region: 'europe-west1', on_cloud: 'Y' }),
        line(V23, { run_id: 'lost' }),
      ),
      { defaults: { provider: 'aws', region: 'eu-central-1' } },
    );
    expect(result.records.map((r) => [r.record.provider, r.record.region])).toEqual([
      ['gcp', 'europe-west1'],
      ['aws', 'eu-central-1'],
    ]);
  });

  test('a reported pue ≠ 1 is divided out and carried (flag PUE_REMOVED); pue < 1 is an error', () => {
    const result = parse(
      file(
        V23,
        line(V23, { run_id: 'p', pue: '1.5', energy_consumed: '0.3' }),
        line(V23, { run_id: 'bad', pue: '0.5' }),
      ),
    );
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.record.energyKwh).toBeCloseTo(0.2, 12);
    expect(result.records[0]?.record.pue).toBe(1.5);
    expect(result.records[0]?.source?.codecarbon?.reportedEnergyKwh).toBe(0.3);
    expect(result.records[0]?.flags).toContain(INGEST_FLAGS.PUE_REMOVED);
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, column: 'pue' })]);
  });

  test('overlapping machine-mode runs on one host warn about multi-rank double counting (#1355)', () => {
    const result = parse(
      file(
        V23,
        line(V23, { run_id: 'rank0', timestamp: '2024-06-01T12:00:00', duration: '3600' }),
        line(V23, { run_id: 'rank1', timestamp: '2024-06-01T12:00:05', duration: '3600' }),
        line(V23, { run_id: 'later', timestamp: '2024-06-01T15:00:00', duration: '60' }),
      ),
    );
    expect(result.records).toHaveLength(3);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'tracking_mode',
        message: expect.stringMatching(/line 2.*#1355/),
      }),
    ]);
  });

  test('per-task files are refused with a clear message', () => {
    const result = parse(
      new TextEncoder().encode(
        'task_name,timestamp,project_name,run_id,duration,emissions,energy_consumed\nt,2024-06-01T12:00:00,p,r,1,0,0\n',
      ),
    );
    expect(result.records).toEqual([]);
    expect(result.errors[0]).toMatchObject({
      line: 1,
      column: 'task_name',
      message: expect.stringMatching(/per-task file/),
    });
  });

  test('an unknown time zone is one clear error', () => {
    const result = parse(file(V23, line(V23)), { timeZone: 'Mars/Olympus' });
    expect(result.records).toEqual([]);
    expect(result.errors[0]?.message).toMatch(/unknown time zone "Mars\/Olympus"/);
  });
});

describe('CodeCarbon timestamps across DST changes (wall time in the upload zone)', () => {
  test('the repeated hour of a fall-back: first occurrence, with a warning on the row', () => {
    // America/New_York 2024-11-03 01:30 is 05:30Z (EDT, UTC−4) or 06:30Z (EST, UTC−5); the first is taken.
    const result = parse(file(V23, line(V23, { timestamp: '2024-11-03T01:30:00' })), {
      timeZone: 'America/New_York',
    });
    expect(result.errors).toEqual([]);
    expect(result.records[0]?.record.endedAt.toISOString()).toBe('2024-11-03T05:30:00.000Z');
    // duration 3600 s: the run started one hour before its end.
    expect(result.records[0]?.record.startedAt.toISOString()).toBe('2024-11-03T04:30:00.000Z');
    expect(result.warnings).toContainEqual({
      fileName: 'emissions.csv',
      line: 2,
      column: 'timestamp',
      message:
        'timestamp: "2024-11-03T01:30:00" happens twice in America/New_York (the clocks go back that night); read as the first occurrence (2024-11-03T05:30:00.000Z), the run may have ended one hour later',
    });
  });

  test('a time the clocks skip is a row error: the file was written in another zone', () => {
    const result = parse(file(V23, line(V23, { timestamp: '2024-03-31T02:30:00' })), {
      timeZone: 'Europe/Paris',
    });
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([
      {
        fileName: 'emissions.csv',
        line: 2,
        column: 'timestamp',
        message:
          'timestamp: "2024-03-31T02:30:00" does not exist in Europe/Paris (the clocks skip that hour when they go forward): the file was written in another time zone; choose that zone',
      },
    ]);
  });
});
