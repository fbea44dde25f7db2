import { describe, expect, test } from 'vitest';
import { isDuplicate, liveRunFlags, liveRunRecord, type TLiveExperiment, type TLiveRun } from './live-run';

const run: TLiveRun = {
  live: true,
  runId: 'r1',
  run: { timestamp: '2026-08-08T10:00:00+00:00', experiment_id: 'e', gpu_model: '4 x A100', gpu_count: null },
  emissions: [
    {
      timestamp: '2026-08-08T10:02:00+00:00',
      run_id: 'r1',
      duration: 120,
      energy_consumed: 0.2,
      gpu_utilization_percent: 50,
    },
    {
      timestamp: '2026-08-08T10:04:00+00:00',
      run_id: 'r1',
      duration: 60,
      energy_consumed: 0.1,
      gpu_utilization_percent: 70,
    },
  ],
};

describe('liveRunRecord', () => {
  test('sums the deltas (the API stream is additive) and spans the summed duration', () => {
    const record = liveRunRecord(run);
    expect(record.energyKwh).toBeCloseTo(0.3, 12);
    expect(record.recordId).toBe('codecarbon:r1');
    expect((record.endedAt as Date).toISOString()).toBe('2026-08-08T10:03:00.000Z');
    expect(record.accelerator).toBe('A100');
    expect(record.acceleratorCount).toBe(4);
    expect(record.utilization).toBe(0.7);
  });

  test('a run without posts yet is a zero-energy, zero-length record', () => {
    const record = liveRunRecord({ ...run, emissions: [] });
    expect(record.energyKwh).toBe(0);
    expect(record.endedAt).toEqual(record.startedAt);
  });
});

test('an exact resend is a duplicate; the same time with other energy is not', () => {
  const resend = {
    ...run.emissions[1],
    timestamp: '2026-08-08T12:04:00+02:00',
  } as TLiveRun['emissions'][number];
  expect(isDuplicate(run, resend)).toBe(true);
  expect(isDuplicate(run, { ...resend, energy_consumed: 0.11 })).toBe(false);
});

describe('the experiment decides location, project and PUE', () => {
  const experiment: TLiveExperiment = {
    id: '0b0c7a58-9a0e-4b0e-9d55-4a1f7a0c0001',
    timestamp: '2026-08-01T00:00:00.000Z',
    name: 'llm-pretrain',
    description: null,
    on_cloud: false,
    project_id: '0b0c7a58-9a0e-4b0e-9d55-4a1f7a0c0002',
    project_name: 'Foundation models',
    country_name: 'France',
    country_iso_code: 'FRA',
    country_alpha2: 'FR',
    region: 'île-de-france',
    cloud_provider: null,
    cloud_region: null,
    pue: 1.25,
    wue: 0.4,
  };

  test('on-premise: country code as region, PUE divided out of the facility energy and kept', () => {
    const record = liveRunRecord({ ...run, experiment });
    expect(record.provider).toBe('on_prem');
    expect(record.region).toBe('FR');
    expect(record.project).toBe('Foundation models');
    expect(record.energyKwh).toBeCloseTo(0.3 / 1.25, 12);
    expect(record.pue).toBe(1.25);
    expect(record.wueLPerKwh).toBe(0.4);
    expect(liveRunFlags({ ...run, experiment })).toEqual(['PUE_REMOVED']);
  });

  test('off cloud without a GPU (a laptop): provider edge, so no data-centre PUE or embodied share', () => {
    const laptop = { ...run, run: { ...run.run, gpu_model: null }, experiment: { ...experiment, pue: 1 } };
    expect(liveRunRecord(laptop)).toMatchObject({ provider: 'edge', region: 'FR' });
  });

  test('off cloud with GPUs drawing energy stays on premises; an idle GPU all run is a personal device', () => {
    const withGpuEnergy = (kwh: number) => ({
      ...run,
      experiment,
      emissions: run.emissions.map((e) => ({ ...e, gpu_energy: kwh })),
    });
    expect(liveRunRecord(withGpuEnergy(0.1)).provider).toBe('on_prem');
    expect(liveRunRecord(withGpuEnergy(0)).provider).toBe('edge');
  });

  test('on cloud: provider and cloud region; no experiment → location missing, PUE 1', () => {
    const cloud = {
      ...experiment,
      on_cloud: true,
      cloud_provider: 'gcp',
      cloud_region: 'europe-west4',
      pue: null,
    };
    const record = liveRunRecord({ ...run, experiment: cloud });
    expect([record.provider, record.region, record.pue]).toEqual(['gcp', 'europe-west4', undefined]);
    expect(liveRunFlags({ ...run, experiment: cloud })).toEqual([]);
    const bare = liveRunRecord(run);
    expect([bare.provider, bare.region]).toEqual([undefined, undefined]);
    expect(bare.energyKwh).toBeCloseTo(0.3, 12);
    expect(liveRunFlags(run)).toEqual(['LOCATION_MISSING']);
  });
});
