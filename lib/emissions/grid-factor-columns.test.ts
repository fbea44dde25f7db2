import { describe, expect, test } from 'vitest';
import type { GridFactor } from './factor-library-types';
import { GridFactorColumns, plainGridFactor } from './grid-factor-columns';
import { buildPeriodSeries, timeWeightedAverage } from './period-series';

const meta = {
  zone: 'DE',
  granularity: 'hourly' as const,
  basis: 'lifecycle' as const,
  source: 'Ember hourly',
  licence: 'CC BY 4.0',
  datasetVersion: 'v1',
};

function plain(id: string, startMs: number, value: number): GridFactor {
  return {
    id,
    ...meta,
    periodStart: new Date(startMs),
    periodEnd: new Date(startMs + 3_600_000),
    gCo2ePerKwh: value,
  };
}

describe('GridFactorColumns', () => {
  test('a view reads back every field of the factor it stores, and serialises as the plain object', () => {
    const columns = new GridFactorColumns();
    const start = Date.UTC(2025, 0, 1);
    const view = columns.add('f1', start, start + 3_600_000, 312.5, meta);
    expect(plainGridFactor(view)).toEqual(plain('f1', start, 312.5));
    expect(JSON.parse(JSON.stringify(view))).toEqual(JSON.parse(JSON.stringify(plain('f1', start, 312.5))));
  });

  test('shared texts are stored once per distinct combination', () => {
    const columns = new GridFactorColumns();
    for (let h = 0; h < 48; h++) {
      columns.add(`f${h}`, h * 3_600_000, (h + 1) * 3_600_000, h, meta);
    }
    columns.add('other', 0, 3_600_000, 1, { ...meta, zone: 'FR' });
    expect(columns.metas).toHaveLength(2);
    expect(columns.ids).toHaveLength(49);
  });

  test('the engine gets the same series averages from views as from plain factors', () => {
    const columns = new GridFactorColumns();
    const start = Date.UTC(2025, 5, 1);
    const values = [100, 250, 175, 90];
    const views = values.map((v, h) =>
      columns.add(`f${h}`, start + h * 3_600_000, start + (h + 1) * 3_600_000, v, meta),
    );
    const plains = values.map((v, h) => plain(`f${h}`, start + h * 3_600_000, v));
    const a = timeWeightedAverage(buildPeriodSeries(views), start + 1_800_000, start + 3 * 3_600_000);
    const b = timeWeightedAverage(buildPeriodSeries(plains), start + 1_800_000, start + 3 * 3_600_000);
    expect(a?.gCo2ePerKwh).toBe(b?.gCo2ePerKwh);
    expect([a?.first.id, a?.last.id]).toEqual([b?.first.id, b?.last.id]);
  });
});
