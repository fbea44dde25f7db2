import { describe, expect, test } from 'vitest';
import { isDuplicate, liveRunRecord, type TLiveRun } from './live-run';

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
