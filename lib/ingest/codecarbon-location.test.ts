import { describe, expect, test } from 'vitest';
import { codecarbonLocation, isPersonalDevice } from './codecarbon-location';

const base = { cloudProvider: undefined, cloudRegion: undefined, countryIso: 'FRA', region: 'île-de-france' };

describe('isPersonalDevice (laptop/desktop rule, docs/METHODOLOGY.md)', () => {
  test.each([
    ['off cloud, CPU/RAM only', { onCloud: 'N' }, {}, true],
    [
      'off cloud, Apple silicon integrated GPU drawing energy',
      { onCloud: 'N', gpuModel: 'Apple M1', gpuEnergyKwh: 0.001 },
      {},
      true,
    ],
    [
      'off cloud, NVIDIA card and no gpu_energy column: unknown, so not a laptop',
      { onCloud: 'N', gpuModel: '1 x NVIDIA RTX A4000' },
      {},
      false,
    ],
    [
      'off cloud, NVIDIA card idle all run',
      { onCloud: 'N', gpuModel: '1 x NVIDIA RTX A4000', gpuEnergyKwh: 0 },
      {},
      true,
    ],
    [
      'off cloud, NVIDIA card drawing energy (maybe a server)',
      { onCloud: 'N', gpuModel: '4 x NVIDIA A100-SXM4-40GB', gpuEnergyKwh: 2 },
      {},
      false,
    ],
    ['on cloud', { onCloud: 'Y', cloudProvider: 'gcp' }, {}, false],
    ['upload form names a provider', { onCloud: 'N' }, { provider: 'on_prem' as const }, false],
  ])('%s', (_label, row, defaults, expected) => {
    expect(isPersonalDevice({ ...base, ...row }, defaults)).toBe(expected);
  });
});

describe('codecarbonLocation', () => {
  test('a laptop run is provider edge in its alpha-3 country', () => {
    expect(codecarbonLocation({ ...base, onCloud: 'N' }, {})).toEqual({ provider: 'edge', region: 'FRA' });
  });

  test('a file without on_cloud (CodeCarbon before v2) stays on premises: nothing says it is a laptop', () => {
    expect(codecarbonLocation(base, {})).toEqual({ provider: 'on_prem', region: 'FRA' });
  });

  test('a cloud run keeps its provider and cloud region', () => {
    const row = { ...base, cloudProvider: 'gcp', cloudRegion: 'europe-west1', onCloud: 'Y' };
    expect(codecarbonLocation(row, {})).toEqual({ provider: 'gcp', region: 'europe-west1' });
  });
});
