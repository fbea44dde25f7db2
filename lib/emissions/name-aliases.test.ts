import { describe, expect, test } from 'vitest';
import type { NameAliasEntry } from './factor-library-types';
import { indexFactorLibrary } from './index-factor-library';
import { matchAccelerator } from './resolve-accelerator';
import { resolveLocation } from './resolve-location';
import { fixtureLibrary, record } from './testing/fixture-library';

const withAliases = (nameAliases: NameAliasEntry[]) =>
  indexFactorLibrary({ ...fixtureLibrary(), nameAliases });

describe('organisation name aliases in the resolvers (F11)', () => {
  test('an accelerator alias resolves an unknown name to its target entry, spelled any way', () => {
    const lib = withAliases([
      { kind: 'accelerator', alias: 'Lab Card 9000', target: 'acc-noidle', targetProvider: null },
    ]);
    expect(matchAccelerator(lib, 'lab-card-9000')).toMatchObject({
      spec: { id: 'acc-noidle' },
      match: 'alias',
    });
    expect(matchAccelerator(lib, '2 x LAB CARD 9000')).toMatchObject({
      spec: { id: 'acc-noidle' },
      match: 'alias',
      count: 2,
    });
    // Without the alias the same name is unknown.
    expect(matchAccelerator(indexFactorLibrary(fixtureLibrary()), 'Lab Card 9000')).toBeNull();
  });

  test('the catalog wins over an alias: an alias never re-maps a catalog name', () => {
    const lib = withAliases([
      { kind: 'accelerator', alias: 'X100', target: 'acc-noidle', targetProvider: null },
    ]);
    expect(matchAccelerator(lib, 'X100')).toMatchObject({ spec: { id: 'acc-x' }, match: 'catalog' });
  });

  test('an alias whose target is not in the catalog resolves nothing', () => {
    const lib = withAliases([
      { kind: 'accelerator', alias: 'Ghost', target: 'no-such-id', targetProvider: null },
    ]);
    expect(matchAccelerator(lib, 'Ghost')).toBeNull();
  });

  test('a region alias resolves to its target location, with the target provider', () => {
    const lib = withAliases([{ kind: 'region', alias: 'paris-dc', target: 'test-1', targetProvider: 'aws' }]);
    expect(resolveLocation(record({ region: 'Paris DC' }), lib)).toMatchObject({
      gridZone: 'ZZ-A',
      countryCode: 'ZZ',
      provider: 'aws',
      matchedBy: 'alias',
      flags: [],
    });
  });

  test('a region alias to a grid zone; a known region is never re-mapped; an unknown target stays unknown', () => {
    const lib = withAliases([
      { kind: 'region', alias: 'basement', target: 'ZZ', targetProvider: null },
      { kind: 'region', alias: 'test-2', target: 'ZZ', targetProvider: null },
      { kind: 'region', alias: 'nowhere', target: 'nope-9', targetProvider: null },
    ]);
    expect(resolveLocation(record({ provider: 'on_prem', region: 'basement' }), lib)).toMatchObject({
      gridZone: 'ZZ',
      provider: 'on_prem',
      matchedBy: 'alias',
    });
    expect(resolveLocation(record({ region: 'test-2' }), lib)).toMatchObject({
      gridZone: 'ZZ-B',
      matchedBy: 'region',
    });
    expect(resolveLocation(record({ region: 'nowhere' }), lib)).toMatchObject({
      matchedBy: null,
      flags: ['LOCATION_UNKNOWN'],
    });
  });
});
