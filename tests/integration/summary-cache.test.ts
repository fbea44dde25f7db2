import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { POST as postRecords } from '@/app/api/v1/records/route';
import { GET as getSummary } from '@/app/api/v1/summary/route';
import { userActor } from '@/lib/auth/actor';
import { ZEnergyContractCreate } from '@/lib/schemas/api-v1-contracts';
import { ZOrganizationSettingsInput } from '@/lib/schemas/organization-settings';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { updateOrganizationSettings } from '@/lib/server/access/organization-settings';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { createEnergyContract } from '@/lib/server/factors/energy-contract-admin';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { createGridFactorOverride, deleteFactorOverride } from '@/lib/server/factors/factor-overrides';
import { clearOrgResponseCache, orgResponseCacheStats } from '@/lib/server/http/org-response-cache';
import { deleteUpload } from '@/lib/server/usage/uploads/delete-upload';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { FR_GRID_OVERRIDE_10G, HAND_CHECKABLE_LIBRARY } from '../support/hand-checkable-library';
import { createTestDatabase } from '../support/test-database';
import { chunksOf } from '../support/upload-fixtures';

// Issue #20 (read side): GET /api/v1/summary answers from a per-process cache keyed by (organisation, data version,
// normalised query). Every write path that changes what the summary reads must move the version in the writer's
// transaction, so the next answer after the write shows it; a repeated read with no write in between runs no
// summary query (only the token look-up, which carries the version, and the rate-limit count).

const NOW = new Date('2026-11-29T12:00:00Z');
const SUMMARY_URL = 'http://localhost/api/v1/summary?groupBy=month&from=2025-01-01&to=2025-12-31';

interface TGroup {
  key: string;
  records: number;
  facilityEnergyKwh: number;
  locationKgCo2e: number;
  marketKgCo2e: number;
}

let owner: { orgId: string; userId: string; role: 'owner'; actor: ReturnType<typeof userActor> };
let token: string;

async function summary(url = SUMMARY_URL): Promise<TGroup[]> {
  const res = await getSummary(new Request(url, { headers: { authorization: `Bearer ${token}` } }));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  return ((await res.json()) as { groups: TGroup[] }).groups;
}

const month = (groups: TGroup[], key: string) => groups.find((g) => g.key === key);

/** One metered CSV row in gcp europe-west9 (FR grid) with PUE 1: facility = IT energy. */
const csv = (id: string, day: string, energyKwh: number) =>
  `record_id,phase,started_at,ended_at,provider,region,energy_kwh,pue\n${id},training,${day}T00:00:00Z,${day}T10:00:00Z,gcp,europe-west9,${energyKwh},1\n`;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  // Limits far above this file's calls (the count itself still runs on every request).
  process.env.API_RATE_LIMIT_PER_TOKEN = '100000';
  process.env.API_RATE_LIMIT_PER_ORG = '100000';
  await replaceBundledFactorLibrary(HAND_CHECKABLE_LIBRARY, process.env.DATABASE_URL);
  const prisma = getPrisma();
  const suffix = randomUUID().slice(0, 8);
  const org = await prisma.organization.create({ data: { name: 'Cached', slug: `cached-${suffix}` } });
  const user = await prisma.user.create({
    data: { id: `u-${suffix}`, email: `owner-${suffix}@example.test`, name: 'Owner', emailVerified: true },
  });
  await prisma.membership.create({ data: { orgId: org.id, userId: user.id, role: 'owner' } });
  owner = { orgId: org.id, userId: user.id, role: 'owner', actor: userActor(user.id) };
  token = (await createApiToken(owner, 'summary-cache')).token;
  const { upload } = await ingestUpload(owner, {
    fileName: 'march.csv',
    chunks: chunksOf(csv('m-1', '2025-03-10', 100)),
    parse: {},
  });
  expect(upload.status).toBe('completed');
});

beforeEach(() => {
  clearOrgResponseCache();
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('[summary cache] a repeated read costs no summary query', () => {
  test('second identical read: a cache hit, and the only statements are the token look-up and the rate-limit count', async () => {
    const first = await summary();
    // 100 kWh metered at PUE 1 → facility 100 kWh; 100 kWh × 56 g/kWh = 5.6 kg CO2e (location-based).
    expect(month(first, '2025-03')).toMatchObject({ records: 1, facilityEnergyKwh: 100 });
    expect(month(first, '2025-03')?.locationKgCo2e).toBeCloseTo(5.6, 9);

    // Tracer: every statement any pg client (the pool behind Prisma and the raw runner) sends.
    const statements: string[] = [];
    const original = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      const [text] = args;
      statements.push(typeof text === 'string' ? text : String((text as { text?: string })?.text ?? ''));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    try {
      expect(await summary()).toEqual(first);
    } finally {
      spy.mockRestore();
    }
    expect(orgResponseCacheStats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
    const sqlOnly = statements.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(s.trim()));
    expect(sqlOnly).toHaveLength(2);
    expect(sqlOnly[0]).toMatch(/FROM api_token t/);
    expect(sqlOnly[0]).toMatch(/org_data_version/);
    expect(sqlOnly[1]).toMatch(/INSERT INTO api_rate_limit/);
    expect(sqlOnly.join('\n')).not.toMatch(/usage_rollup|usage_record/);
  });

  test('the query is normalised: filter order does not matter; another grouping or range is another entry', async () => {
    await summary(`${SUMMARY_URL}&phase=training,inference`);
    await summary(`${SUMMARY_URL}&phase=inference,training`);
    expect(orgResponseCacheStats()).toMatchObject({ hits: 1, misses: 1 });
    await summary(SUMMARY_URL.replace('groupBy=month', 'groupBy=phase'));
    await summary(SUMMARY_URL.replace('to=2025-12-31', 'to=2025-06-30'));
    expect(orgResponseCacheStats()).toMatchObject({ hits: 1, misses: 3 });
  });
});

describe('[summary cache] every write path moves the next answer', () => {
  test('upload, API batch, upload delete, factor override, energy contract, settings, time zone', async () => {
    const march = () => summary().then((g) => month(g, '2025-03'));
    // Warm the cache, and keep it warm between writes: each step must be seen on the very next read.
    expect((await march())?.facilityEnergyKwh).toBe(100);

    // 1. CSV upload: a second March record, 50 kWh → 150 kWh, 2 records.
    const { upload } = await ingestUpload(owner, {
      fileName: 'more.csv',
      chunks: chunksOf(csv('m-2', '2025-03-20', 50)),
      parse: {},
    });
    expect(upload.status).toBe('completed');
    expect(await march()).toMatchObject({ records: 2, facilityEnergyKwh: 150 });

    // 2. API batch ingest (POST /api/v1/records): an April record of 20 kWh.
    const posted = await postRecords(
      new Request('http://localhost/api/v1/records', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify([
          {
            recordId: 'api-1',
            phase: 'inference',
            startedAt: '2025-04-02T00:00:00Z',
            endedAt: '2025-04-02T01:00:00Z',
            provider: 'gcp',
            region: 'europe-west9',
            energyKwh: 20,
            pue: 1,
          },
        ]),
      }),
    );
    expect(posted.status).toBe(201);
    expect(month(await summary(), '2025-04')).toMatchObject({ records: 1, facilityEnergyKwh: 20 });

    // 3. Deleting the second upload removes its record: back to 100 kWh, 1 record.
    await deleteUpload(owner, upload.id);
    expect(await march()).toMatchObject({ records: 1, facilityEnergyKwh: 100 });

    // 4. A grid-factor override (recompute in the same transaction): 100 kWh × 10 g/kWh = 1.0 kg.
    await createGridFactorOverride(owner, FR_GRID_OVERRIDE_10G, { now: NOW });
    expect((await march())?.locationKgCo2e).toBeCloseTo(1.0, 9);
    // Removing it recomputes back to the bundled 56 g/kWh: 5.6 kg.
    const override = await getPrisma().emissionFactor.findFirstOrThrow({ where: { orgId: owner.orgId } });
    await deleteFactorOverride(owner, { kind: 'grid', id: override.id }, { now: NOW });
    expect((await march())?.locationKgCo2e).toBeCloseTo(5.6, 9);

    // 5. An energy contract covering March in FR at 20 g/kWh: market-based 100 kWh × 20 g = 2.0 kg.
    await createEnergyContract(
      owner,
      ZEnergyContractCreate.parse({
        reference: 'GO-2025-03',
        instrumentType: 'GO',
        marketZone: 'FR',
        periodStart: '2025-03-01T00:00:00Z',
        periodEnd: '2025-04-01T00:00:00Z',
        volumeMwh: 1,
        gCo2ePerKwh: 20,
      }),
      NOW,
    );
    expect((await march())?.marketKgCo2e).toBeCloseTo(2.0, 9);

    // 6. Settings: basis life-cycle → direct recomputes: 100 kWh × 30 g/kWh = 3.0 kg location-based.
    const settings = (timeZone: string) =>
      ZOrganizationSettingsInput.parse({
        defaultBasis: 'direct',
        embodiedLifetimeYears: '4',
        carbonPricePerTonneCo2e: '',
        currency: 'EUR',
        timeZone,
      });
    await updateOrganizationSettings(owner, settings('UTC'), { now: NOW });
    expect((await march())?.locationKgCo2e).toBeCloseTo(3.0, 9);

    // 7. Time zone only (no recompute; the organisation row moves the version): a record starting 2025-03-31
    // 23:00 UTC is in March in UTC and in April in Paris (UTC+2 from 30 March 2025).
    await ingestUpload(owner, {
      fileName: 'edge.csv',
      chunks: chunksOf(
        'record_id,phase,started_at,ended_at,provider,region,energy_kwh,pue\nedge,training,2025-03-31T23:00:00Z,2025-03-31T23:30:00Z,gcp,europe-west9,7,1\n',
      ),
      parse: {},
    });
    expect((await march())?.facilityEnergyKwh).toBe(107);
    await updateOrganizationSettings(owner, settings('Europe/Paris'), { now: NOW });
    expect((await march())?.facilityEnergyKwh).toBe(100);
  });
});
