import { describe, expect, test } from 'vitest';
import { ASSUMPTION_FLAGS } from './assumption-flags';
import { indexFactorLibrary } from './index-factor-library';
import { distinctNames, resolveNames } from './name-resolutions';
import { fixtureLibrary, record } from './testing/fixture-library';

const lib = indexFactorLibrary(fixtureLibrary());

describe('distinctNames', () => {
  test('counts rows per accelerator and per (provider, region), and rows whose energy rests on the catalog', () => {
    const names = distinctNames([
      record({ accelerator: 'X100', region: 'test-1', provider: 'aws' }),
      record({ accelerator: 'X100', region: 'test-1', provider: 'aws', energyKwh: 3 }),
      record({ accelerator: 'Mystery', region: 'test-1' }),
      record({ accelerator: 'Mystery', acceleratorPowerW: 250 }),
      record({}),
    ]);
    expect(names.accelerators).toEqual([
      { name: 'X100', rows: 2, rowsNeedingCatalog: 1 },
      { name: 'Mystery', rows: 2, rowsNeedingCatalog: 1 },
    ]);
    expect(names.regions).toEqual([
      { provider: 'aws', region: 'test-1', rows: 2 },
      { region: 'test-1', rows: 1 },
    ]);
  });
});

describe('resolveNames', () => {
  test('accelerators: catalog entry and TDP, or unresolved and blocking only when rows need the catalog power', () => {
    const [known, blocking, measured] = resolveNames(lib, {
      accelerators: [
        { name: 'x-100 sxm', rows: 3 },
        { name: 'Mystery', rows: 2, rowsNeedingCatalog: 1 },
        { name: 'Metered', rows: 4, rowsNeedingCatalog: 0 },
      ],
      regions: [],
    });
    expect(known).toMatchObject({
      resolved: true,
      blocking: false,
      catalogId: 'acc-x',
      catalogName: 'Accel X',
      tdpW: 400,
      rows: 3,
      matchedBy: 'Catalog name or alias',
      notes: [],
    });
    expect(blocking).toMatchObject({ resolved: false, blocking: true, catalogId: null, matchedBy: null });
    expect(blocking?.notes).toEqual([ASSUMPTION_FLAGS.ACCELERATOR_UNKNOWN]);
    expect(measured).toMatchObject({ resolved: false, blocking: false });
  });

  test('regions: zone, country and the newest yearly life-cycle factor, else the country, with the fallback in words', () => {
    const [zone, countryFallback, unknown] = resolveNames(lib, {
      accelerators: [],
      regions: [
        { provider: 'aws', region: 'test-1', rows: 1 },
        { region: 'test-2', rows: 1 },
        { region: 'nowhere-9', rows: 5 },
      ],
    });
    // ZZ-A yearly life-cycle factors: 300 (2022) and 350 (2023); the 280 one is direct.
    expect(zone).toMatchObject({
      resolved: true,
      gridZone: 'ZZ-A',
      countryCode: 'ZZ',
      intensity: { gCo2ePerKwh: 350, zone: 'ZZ-A', year: 2023, source: 'test' },
      matchedBy: 'Cloud region of the provider',
      notes: [],
    });
    // ZZ-B has no factors; its country ZZ has 500 for 2021.
    expect(countryFallback).toMatchObject({
      gridZone: 'ZZ-B',
      intensity: { gCo2ePerKwh: 500, zone: 'ZZ', year: 2021 },
      notes: [ASSUMPTION_FLAGS.INTENSITY_COUNTRY_FALLBACK],
    });
    expect(unknown).toMatchObject({
      resolved: false,
      blocking: true,
      rows: 5,
      gridZone: null,
      notes: [ASSUMPTION_FLAGS.LOCATION_UNKNOWN],
    });
  });

  test('a zone with no factor in a country with none says the world average is used', () => {
    const base = fixtureLibrary();
    const noData = indexFactorLibrary({
      ...base,
      locations: [
        ...base.locations,
        {
          ...(base.locations[0] as (typeof base.locations)[0]),
          regionCode: 'far-1',
          gridZone: 'QQ-X',
          countryCode: 'QQ',
        },
      ],
    });
    const [far] = resolveNames(noData, {
      accelerators: [],
      regions: [{ provider: 'aws', region: 'far-1', rows: 1 }],
    });
    expect(far).toMatchObject({
      resolved: true,
      gridZone: 'QQ-X',
      countryCode: 'QQ',
      intensity: null,
      notes: [ASSUMPTION_FLAGS.INTENSITY_WORLD_AVERAGE],
    });
  });
});

describe('instance types in the review table', () => {
  const withTypes = indexFactorLibrary({
    ...fixtureLibrary(),
    instanceTypes: [
      {
        provider: 'aws',
        name: 'x1.4big',
        acceleratorId: 'acc-x',
        acceleratorCount: 4,
        vcpus: null,
        memoryGib: null,
        hostPower: null,
        source: 'test instance table',
        datasetVersion: 'test',
      },
      {
        provider: 'aws',
        name: 'x1.secret',
        acceleratorId: 'acc-x',
        acceleratorCount: null,
        vcpus: null,
        memoryGib: null,
        hostPower: null,
        source: 'test instance table',
        datasetVersion: 'test',
      },
    ],
  });

  test('distinctNames counts rows per (provider, instance type)', () => {
    const names = distinctNames([
      record({ instanceType: 'x1.4big', provider: 'aws' }),
      record({ instanceType: 'x1.4big', provider: 'aws' }),
      record({ instanceType: 'x9.none' }),
    ]);
    expect(names.instanceTypes).toEqual([
      { provider: 'aws', name: 'x1.4big', rows: 2 },
      { name: 'x9.none', rows: 1 },
    ]);
  });

  test('a known type shows its accelerator × count; an unknown one, or one without a count, blocks with a reason', () => {
    const [known, noCount, unknown] = resolveNames(withTypes, {
      accelerators: [],
      instanceTypes: [
        { provider: 'aws', name: 'X1.4BIG', rows: 2 },
        { provider: 'aws', name: 'x1.secret', rows: 1 },
        { name: 'x9.none', rows: 3 },
      ],
      regions: [],
    });
    expect(known).toMatchObject({
      kind: 'instanceType',
      resolved: true,
      blocking: false,
      provider: 'aws',
      catalogId: 'acc-x',
      catalogName: 'Accel X',
      tdpW: 400,
      acceleratorsPerInstance: 4,
      rows: 2,
      matchedBy: 'Instance type of the provider',
      source: 'test instance table',
      notes: [],
    });
    expect(noCount).toMatchObject({ kind: 'instanceType', resolved: false, blocking: true });
    expect(noCount?.notes[0]).toMatch(/^No published accelerator count/);
    expect(unknown).toMatchObject({ kind: 'instanceType', resolved: false, blocking: true, rows: 3 });
    expect(unknown?.notes[0]).toMatch(/^Not in the instance-type table/);
  });
});
