import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as postEmission } from '@/app/api/codecarbon/emissions/route';
import { POST as postRun } from '@/app/api/codecarbon/runs/route';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import {
  createTrackerOrg,
  codecarbonEmission as emission,
  CODECARBON_RUN as RUN,
  trackerCall,
} from '../support/codecarbon-tracker';
import { chunksOf } from '../support/upload-fixtures';

/**
 * Issue #19: a tracker with both outputs (API and CSV) posts its run live, then the user uploads the same
 * emissions.csv, where CodeCarbon 3.x can write run_id "None". The run is counted once (the live record).
 */
let tracker: Awaited<ReturnType<typeof createTrackerOrg>>;
const EXPERIMENT = RUN.experiment_id;

// The v3.2.1+ header CodeCarbon writes (fixtures/codecarbon/emissions_valid_headers.csv, 38 columns).
const HEADER =
  'timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,on_cloud,pue,wue';
const csvRow = (timestamp: string, durationS: number, energyKwh: number, runId = 'None') =>
  [
    timestamp,
    'codecarbon',
    runId,
    EXPERIMENT,
    durationS,
    energyKwh * 0.4,
    (energyKwh * 0.4) / durationS,
    42.5,
    612,
    20,
    energyKwh * 0.1,
    energyKwh * 0.85,
    energyKwh * 0.05,
    energyKwh,
    0,
    'Germany',
    'DEU',
    'hesse',
    '',
    '',
    'Linux-6.8',
    '3.12.3',
    '3.0.4',
    32,
    'AMD EPYC 7R13',
    2,
    '2 x NVIDIA H100 80GB HBM3',
    8.7,
    50.1,
    251.5,
    'machine',
    12,
    88.5,
    30,
    75,
    'N',
    1.0,
    0,
  ].join(',');

beforeAll(async () => {
  tracker = await createTrackerOrg('Tracker');
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('live run, then its emissions.csv', () => {
  test('the row of the live run is matched and left out; an unrelated run of the same file is stored', async () => {
    const created = await postRun(trackerCall('/runs', RUN, tracker.apiKey));
    const { id } = (await created.json()) as { id: string };
    for (const [i, energy] of [0.5, 0.75, 0.25].entries()) {
      expect(
        (await postEmission(trackerCall('/emissions', emission(id, i, energy), tracker.apiKey))).status,
      ).toBe(201);
    }
    const live = await getPrisma().usageRecord.findFirstOrThrow({ where: { orgId: tracker.editor.orgId } });

    // Line 2: the live run as the CSV has it (local Berlin time; the run spans 09:35:50–09:41:52 UTC, 362 s).
    // Line 3: the next day, not posted live.
    const file = [
      HEADER,
      csvRow('2026-08-08T11:41:52', 362, 1.5),
      csvRow('2026-08-09T10:00:00', 600, 0.4),
      '',
    ].join('\n');
    const { upload } = await ingestUpload(tracker.editor, {
      fileName: 'emissions.csv',
      chunks: chunksOf(new TextEncoder().encode(file)),
      parse: { timeZone: 'Europe/Berlin' },
    });
    expect(upload).toMatchObject({ status: 'completed', format: 'codecarbon', rowsAccepted: 1 });
    expect(upload.totals?.records).toBe(1);
    expect(upload.totals?.codecarbon).toMatchObject({ runs: 1, matchedLiveRuns: 1, matchedLines: [2] });
    // Only line 3 is counted: 0.4 kWh × 0.4 kg/kWh = 0.16 kg as CodeCarbon reported it.
    expect(upload.totals?.codecarbon?.reportedKgCo2e).toBeCloseTo(0.16, 12);

    const records = await getPrisma().usageRecord.findMany({
      where: { orgId: tracker.editor.orgId },
      orderBy: { startedAt: 'asc' },
    });
    expect(records).toHaveLength(2);
    // The live record is untouched: same id, energy (0.5 + 0.75 + 0.25 kWh) and no upload.
    expect(records[0]?.id).toBe(live.id);
    expect(records[0]?.measuredEnergyKwh).toBeCloseTo(1.5, 12);
    expect(records[0]?.uploadId).toBeNull();
    expect(records[1]?.uploadId).toBe(upload.id);
    expect(records[1]?.startedAt.toISOString()).toBe('2026-08-09T07:50:00.000Z');
  });

  test('another experiment in the same window is a different run: stored', async () => {
    const other = 'e4bc8a1a-0000-4000-8000-000000000001';
    const file = [HEADER, csvRow('2026-08-08T11:41:52', 362, 1.5).replace(EXPERIMENT, other), ''].join('\n');
    const { upload } = await ingestUpload(tracker.editor, {
      fileName: 'other-experiment.csv',
      chunks: chunksOf(new TextEncoder().encode(file)),
      parse: { timeZone: 'Europe/Berlin' },
    });
    expect(upload).toMatchObject({ status: 'completed', rowsAccepted: 1 });
    expect(upload.totals?.codecarbon?.matchedLiveRuns ?? 0).toBe(0);
  });

  test('a row with the live run’s own run_id keeps the live record instead of replacing it', async () => {
    const created = await postRun(
      trackerCall('/runs', { ...RUN, timestamp: '2026-08-10T08:00:00+02:00' }, tracker.apiKey),
    );
    const { id } = (await created.json()) as { id: string };
    const post = { ...emission(id, 0, 0.3), timestamp: '2026-08-10T08:02:00+02:00' };
    expect((await postEmission(trackerCall('/emissions', post, tracker.apiKey))).status).toBe(201);
    const file = [HEADER, csvRow('2026-08-10T08:02:00', 120, 0.3, id), ''].join('\n');
    const { upload } = await ingestUpload(tracker.editor, {
      fileName: 'same-run-id.csv',
      chunks: chunksOf(new TextEncoder().encode(file)),
      parse: { timeZone: 'Europe/Berlin' },
    });
    expect(upload).toMatchObject({ status: 'completed', rowsAccepted: 0 });
    expect(upload.totals?.codecarbon?.matchedLiveRuns).toBe(1);
    const record = await getPrisma().usageRecord.findFirstOrThrow({
      where: { orgId: tracker.editor.orgId, externalId: `codecarbon:${id}` },
    });
    expect(record.uploadId).toBeNull();
    expect((record.sourceData as { codecarbon?: { live?: boolean } }).codecarbon?.live).toBe(true);
  });
});
