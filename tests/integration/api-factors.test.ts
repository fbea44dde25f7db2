import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as estimate } from '@/app/api/v1/estimate/route';
import { GET as locations } from '@/app/api/v1/factors/locations/route';
import { DELETE as deleteOverride } from '@/app/api/v1/factors/overrides/[kind]/[id]/route';
import { POST as createOverride } from '@/app/api/v1/factors/overrides/route';
import { GET as factors } from '@/app/api/v1/factors/route';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { expectContract } from '../support/api-contract';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

let ownerToken: string;
let viewerToken: string;

const get = (path: string, token = ownerToken) =>
  new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } });
const post = (body: unknown, token = ownerToken) =>
  new Request('http://localhost/api/v1/factors/overrides', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const GRID = {
  kind: 'grid',
  override: {
    zone: 'FR',
    validFrom: '2026-01-01',
    validTo: '2027-01-01',
    gCo2ePerKwh: 21.5,
    basis: 'lifecycle',
    source: 'Supplier disclosure 2026',
  },
};

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  ownerToken = (await createApiToken(await createOrgWithMember('owner'), 'admin')).token;
  const viewer = await createOrgWithMember('viewer');
  viewerToken = (await createApiToken(viewer, 'read')).token;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('factors API', () => {
  // The database library (bundled rows loaded above + the ISO country table) resolves regions like the CLI does.
  test('estimate: OCI codes by the region table, alpha-3 and country names, US regions on their state', async () => {
    const at = (provider: string | undefined, region: string) => ({
      phase: 'training',
      startedAt: '2024-06-01T00:00:00Z',
      endedAt: '2024-06-02T00:00:00Z',
      energyKwh: 100,
      pue: 1,
      region,
      ...(provider ? { provider } : {}),
    });
    const response = await estimate(
      new Request('http://localhost/api/v1/estimate', {
        method: 'POST',
        headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
        body: JSON.stringify([
          at('oci', 'sa-saopaulo-1'),
          at(undefined, 'me-jeddah-1'),
          at('on_prem', 'FRA'),
          at('on_prem', 'France'),
          at('aws', 'us-west-2'),
        ]),
      }),
    );
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as {
      results: { gridZone: string | null; countryCode: string | null; intensityGCo2ePerKwh: number }[];
    };
    expect(results.map((r) => [r.gridZone, r.countryCode])).toEqual([
      ['BR-CS', 'BR'],
      ['SA', 'SA'],
      ['FR', 'FR'],
      ['FR', 'FR'],
      ['US-OR', 'US'],
    ]);
    // Ember sub-national monthly, "United States,Oregon,2024-06,…,173.49" (life-cycle, the default basis).
    expect(results[4]?.intensityGCo2ePerKwh).toBeCloseTo(173.49, 6);
  });

  test('reads: zone factors and location search; a missing zone is 400', async () => {
    const fr = (await expectContract(
      'get',
      '/api/v1/factors',
      await factors(get('/api/v1/factors?zone=fr')),
    )) as {
      zone: string;
      factors: { gCo2ePerKwh: number; isOverride: boolean }[];
    };
    expect(fr.zone).toBe('FR');
    expect(fr.factors.length).toBeGreaterThan(0);
    expect(fr.factors.every((f) => f.gCo2ePerKwh > 0 && !f.isOverride)).toBe(true);
    const found = (await expectContract(
      'get',
      '/api/v1/factors/locations',
      await locations(get('/api/v1/factors/locations?q=eu-west-1', viewerToken)),
    )) as { locations: { provider: string; regionCode: string; gridZone: string }[] };
    expect(found.locations).toContainEqual(
      expect.objectContaining({ provider: 'aws', regionCode: 'eu-west-1' }),
    );
    const missing = await factors(get('/api/v1/factors'));
    expect(missing.status).toBe(400);
    await expectContract('get', '/api/v1/factors', missing);
  });

  // LIKE metacharacters in q are literal text: `\\` alone used to answer 500 (an unterminated escape in ILIKE),
  // `%` matched every location and `_` any single character.
  test('location search treats \\, % and _ as literal characters (200, no wildcard matches)', async () => {
    const search = async (q: string) => {
      const response = await locations(
        get(`/api/v1/factors/locations?q=${encodeURIComponent(q)}`, viewerToken),
      );
      expect(response.status, `q=${q}`).toBe(200);
      return ((await response.json()) as { locations: { regionCode: string }[] }).locations;
    };
    // No bundled location has a backslash, percent sign or underscore in its zone, country or region code.
    for (const q of ['\\', '%', '_', '\\\\', '%%%', '___', 'eu\\']) {
      expect(await search(q), `q=${q}`).toEqual([]);
    }
    // "eu_west_1" is not "eu-west-1" once `_` is literal; "eu-west-1" itself still matches.
    expect(await search('eu_west_1')).toEqual([]);
    expect(await search('eu%1')).toEqual([]);
    expect((await search('eu-west-1')).map((l) => l.regionCode)).toContain('eu-west-1');
    // The exact-match branch still works: zone IE (reference/cloud-regions: aws eu-west-1 is in IE).
    expect((await search('ie')).map((l) => l.regionCode)).toContain('eu-west-1');
  });

  test('overrides: create (201, recomputed), visible in reads, delete; viewers 403; invalid 422', async () => {
    const created = await createOverride(post(GRID));
    expect(created.status).toBe(201);
    const counts = await expectContract('post', '/api/v1/factors/overrides', created);
    expect(counts).toEqual({ records: 0, changedRecords: 0, restatements: 0 });
    const fr = (await (await factors(get('/api/v1/factors?zone=FR'))).json()) as {
      factors: { id: string; gCo2ePerKwh: number; isOverride: boolean }[];
    };
    const override = fr.factors.find((f) => f.isOverride);
    expect(override?.gCo2ePerKwh).toBe(21.5);

    const forbidden = await createOverride(post(GRID, viewerToken));
    expect(forbidden.status).toBe(403);
    await expectContract('post', '/api/v1/factors/overrides', forbidden);
    const invalid = await createOverride(
      post({ kind: 'grid', override: { ...GRID.override, zone: 'not a zone' } }),
    );
    expect(invalid.status).toBe(422);
    const body = (await expectContract('post', '/api/v1/factors/overrides', invalid)) as {
      error: { details: { field: string }[] };
    };
    expect(body.error.details[0]?.field).toBe('override.zone');

    const params = { params: Promise.resolve({ kind: 'grid', id: override?.id ?? '' }) };
    const removed = await deleteOverride(get('/x'), params);
    expect(removed.status).toBe(200);
    await expectContract('delete', '/api/v1/factors/overrides/{kind}/{id}', removed);
    const again = await deleteOverride(get('/x'), {
      params: Promise.resolve({ kind: 'grid', id: override?.id ?? '' }),
    });
    expect(again.status).toBe(404);
    await expectContract('delete', '/api/v1/factors/overrides/{kind}/{id}', again);
  });
});
