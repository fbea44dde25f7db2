import { describe, expect, test } from 'vitest';
import { computeRecordFootprint } from './compute-footprints';
import {
  quarterBounds,
  quarterOf,
  scaleFootprint,
  splitByQuarter,
  splitFootprintByQuarter,
} from './quarters';
import { fixtureLibrary, record, SETTINGS } from './testing/fixture-library';

const d = (iso: string) => new Date(iso);

describe('quarters (half-open, UTC by default)', () => {
  test('bounds of each quarter', () => {
    expect(quarterBounds(2025, 1)).toMatchObject({
      key: '2025-Q1',
      start: d('2025-01-01T00:00:00Z'),
      end: d('2025-04-01T00:00:00Z'),
    });
    expect(quarterBounds(2025, 4).end).toEqual(d('2026-01-01T00:00:00Z'));
  });

  test('an instant on a boundary belongs to the later quarter', () => {
    expect(quarterOf(d('2025-04-01T00:00:00Z')).key).toBe('2025-Q2');
    expect(quarterOf(d('2025-03-31T23:59:59.999Z')).key).toBe('2025-Q1');
  });

  test('org time zone shifts the boundary', () => {
    const q2Paris = quarterBounds(2025, 2, 'Europe/Paris');
    expect(q2Paris.start).toEqual(d('2025-03-31T22:00:00Z')); // CEST, UTC+2
    expect(q2Paris.end).toEqual(d('2025-06-30T22:00:00Z'));
    expect(quarterBounds(2025, 1, 'Europe/Paris').start).toEqual(d('2024-12-31T23:00:00Z')); // CET, UTC+1
    expect(quarterOf(d('2025-03-31T23:00:00Z'), 'Europe/Paris').key).toBe('2025-Q2');
    expect(quarterBounds(2025, 3, 'America/New_York').start).toEqual(d('2025-07-01T04:00:00Z'));
  });

  test('splits a run by time share across boundaries', () => {
    const parts = splitByQuarter(d('2025-03-31T18:00:00Z'), d('2025-04-01T06:00:00Z'));
    expect(parts.map((p) => [p.quarter.key, p.share])).toEqual([
      ['2025-Q1', 0.5],
      ['2025-Q2', 0.5],
    ]);
    expect(parts[1]?.start).toEqual(d('2025-04-01T00:00:00Z'));
  });

  test('multi-quarter and zero-length runs', () => {
    const parts = splitByQuarter(d('2025-01-01T00:00:00Z'), d('2026-01-01T00:00:00Z'));
    expect(parts.map((p) => p.quarter.key)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(parts.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
    expect(splitByQuarter(d('2025-05-05T00:00:00Z'), d('2025-05-05T00:00:00Z'))).toHaveLength(1);
  });

  test('footprint parts sum back to the record', () => {
    const rec = record({
      energyKwh: 90,
      pue: 1.2,
      carbonIntensityGPerKwh: 300,
      acceleratorHours: 10,
      accelerator: 'acc-x',
      startedAt: d('2025-03-31T18:00:00Z'),
      endedAt: d('2025-04-01T12:00:00Z'),
    });
    const fp = computeRecordFootprint(rec, fixtureLibrary(), SETTINGS);
    const parts = splitFootprintByQuarter(fp, rec.startedAt, rec.endedAt);
    expect(parts.map((p) => p.share)).toEqual([6 / 18, 12 / 18]);
    expect(parts.reduce((s, p) => s + p.footprint.locationKgCo2e, 0)).toBeCloseTo(fp.locationKgCo2e, 12);
    expect(parts.reduce((s, p) => s + p.footprint.embodiedKgCo2e, 0)).toBeCloseTo(fp.embodiedKgCo2e, 12);
    expect(parts[0]?.footprint.intensityGCo2ePerKwh).toBe(300);
  });

  test('scaleFootprint scales market allocations', () => {
    const fp = computeRecordFootprint(record({ energyKwh: 10 }), fixtureLibrary(), SETTINGS);
    const withAlloc = {
      ...fp,
      marketAllocations: [{ contractId: 'c', instrumentType: 'REC', energyKwh: 4, gCo2ePerKwh: 0 }],
    };
    expect(scaleFootprint(withAlloc, 0.25).marketAllocations[0]?.energyKwh).toBe(1);
  });
});
