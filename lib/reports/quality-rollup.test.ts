import { describe, expect, test } from 'vitest';
import {
  assemblePeriodQuality,
  firstCitation,
  groupVariants,
  type TQualityVariantRow,
} from './quality-rollup';

const row = (over: Partial<TQualityVariantRow>): TQualityVariantRow => ({
  fact: 'factor',
  key: 'grid:DE',
  detail: '{"kind": "grid-intensity", "value": 380}',
  records: 1,
  energyKwh: 0,
  carriedIn: false,
  firstStartDay: '2026-07-01',
  ...over,
});

describe('firstCitation', () => {
  test('one variant is its own first citation', () => {
    expect(firstCitation([row({})])).toEqual({ kind: 'known', detail: row({}).detail });
  });

  test('the only variant carried in from before the period comes first', () => {
    const v = [
      row({ detail: 'a', firstStartDay: '2026-07-01' }),
      row({ detail: 'b', carriedIn: true, firstStartDay: null }),
    ];
    expect(firstCitation(v)).toEqual({ kind: 'known', detail: 'b' });
  });

  test('several carried-in variants need a record look-up', () => {
    const v = [row({ detail: 'a', carriedIn: true }), row({ detail: 'b', carriedIn: true })];
    expect(firstCitation(v)).toEqual({ kind: 'carry-in' });
  });

  test('otherwise the earliest start day decides, or a look-up on that day when tied', () => {
    const v = [
      row({ detail: 'a', firstStartDay: '2026-08-03' }),
      row({ detail: 'b', firstStartDay: '2026-07-15' }),
    ];
    expect(firstCitation(v)).toEqual({ kind: 'known', detail: 'b' });
    const tied = [
      row({ detail: 'a', firstStartDay: '2026-07-15' }),
      row({ detail: 'b', firstStartDay: '2026-07-15' }),
    ];
    expect(firstCitation(tied)).toEqual({ kind: 'day', day: '2026-07-15' });
  });
});

test('assemblePeriodQuality adds counts and energy over variants and sorts like the record path', () => {
  const rows: TQualityVariantRow[] = [
    row({
      fact: 'contract',
      key: 'c-2',
      detail: '{"gCo2ePerKwh": 0, "instrumentType": "PPA"}',
      energyKwh: 4,
    }),
    row({
      fact: 'contract',
      key: 'c-2',
      detail: '{"gCo2ePerKwh": 12, "instrumentType": "GO"}',
      energyKwh: 6,
    }),
    row({
      fact: 'factor',
      key: 'pue',
      detail:
        '{"kind": "pue", "unit": "ratio", "value": 1.2, "source": "settings", "datasetVersion": "v1", "basis": null}',
      records: 3,
    }),
    row({ fact: 'flag', key: 'B', detail: '', records: 2 }),
    row({ fact: 'flag', key: 'A', detail: '', records: 2 }),
    row({ fact: 'flag', key: 'C', detail: '', records: 5 }),
    row({ fact: 'methodology', key: '2026.11.0', detail: '' }),
  ];
  const groups = groupVariants(rows);
  const contract = groups.find((g) => g[0]?.key === 'c-2');
  const first = new Map(contract ? [[contract, '{"gCo2ePerKwh": 12, "instrumentType": "GO"}']] : []);
  const quality = assemblePeriodQuality(groups, first);
  expect(quality.contractUse).toEqual([
    { contractId: 'c-2', instrumentType: 'GO', energyKwh: 10, gCo2ePerKwh: 12 },
  ]);
  expect(quality.assumptionFlags.map((f) => f.code)).toEqual(['C', 'A', 'B']);
  expect(quality.factors).toEqual([
    {
      id: 'pue',
      kind: 'pue',
      value: 1.2,
      unit: 'ratio',
      source: 'settings',
      datasetVersion: 'v1',
      basis: null,
      licence: null,
      records: 3,
    },
  ]);
  expect(quality.methodologyVersions).toEqual(['2026.11.0']);
});
