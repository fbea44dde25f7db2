import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as storeRecords } from '@/app/api/v1/records/route';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { createEnergyContract } from '@/lib/server/factors/energy-contract-admin';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { findContractCoverage } from '@/lib/server/factors/find-contract-coverage';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

// Energy contracts page (issue #23): each contract's allocation month by month and the day it ran out, from the
// records' stored market allocations. Expected values by hand: every record uses 1,000 kWh of IT energy at PUE 1
// (facility = 1,000 kWh); the 2.5 MWh French PPA is matched in order of start time (GHG Protocol Scope 2 market-
// based, lib/emissions/market-based.ts): 10 Jan 1,000, 10 Feb 1,000, then 500 of the run from 31 Mar 12:00 to
// 1 Apr 12:00 (half of it on each day by time share: 250 in March, 250 in April); the 10 Apr run gets nothing and
// the German run is in another market.
let owner: Awaited<ReturnType<typeof createOrgWithMember>>;

const run = (recordId: string, startedAt: string, endedAt: string, region = 'FR') => ({
  recordId,
  phase: 'training',
  startedAt,
  endedAt,
  provider: 'on_prem',
  region,
  energyKwh: 1000,
  pue: 1,
});

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  owner = await createOrgWithMember('owner');
  const token = (await createApiToken(owner, 'admin')).token;
  const stored = await storeRecords(
    new Request('http://localhost/api/v1/records', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        run('jan', '2026-01-10T00:00:00Z', '2026-01-11T00:00:00Z'),
        run('feb', '2026-02-10T00:00:00Z', '2026-02-11T00:00:00Z'),
        run('mar-apr', '2026-03-31T12:00:00Z', '2026-04-01T12:00:00Z'),
        run('apr', '2026-04-10T00:00:00Z', '2026-04-11T00:00:00Z'),
        run('de', '2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z', 'DE'),
      ]),
    }),
  );
  expect(stored.status).toBe(201);
  const ctx = { ...owner, orgId: owner.orgId, role: 'owner' as const };
  await createEnergyContract(
    ctx,
    {
      reference: 'PPA-FR-1',
      instrumentType: 'PPA',
      marketZone: 'FR',
      periodStart: new Date('2026-01-01T00:00:00Z'),
      periodEnd: new Date('2027-01-01T00:00:00Z'),
      volumeMwh: 2.5,
      gCo2ePerKwh: 0,
    },
    new Date('2026-06-01T00:00:00Z'),
  );
  await createEnergyContract(
    ctx,
    {
      reference: 'GO-DE-unused',
      instrumentType: 'GO',
      marketZone: 'DE',
      periodStart: new Date('2025-01-01T00:00:00Z'),
      periodEnd: new Date('2026-01-01T00:00:00Z'),
      volumeMwh: 1,
      gCo2ePerKwh: 0,
    },
    new Date('2026-06-01T00:00:00Z'),
  );
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('findContractCoverage', () => {
  test('allocation per month, running total and remainder, and the day the PPA was used up', async () => {
    const all = await findContractCoverage(owner, new Date('2026-06-01T00:00:00Z'));
    const ppa = all.find((c) => c.contract.reference === 'PPA-FR-1');
    expect(ppa?.coverage.months.map((m) => [m.month, m.allocatedKwh, m.remainingKwh])).toEqual([
      ['2026-01', 1000, 1500],
      ['2026-02', 1000, 500],
      ['2026-03', 250, 250],
      ['2026-04', 250, 0],
    ]);
    expect(ppa?.coverage).toMatchObject({
      status: 'used-up',
      usedUpOn: '2026-04-01',
      firstDay: '2026-01-10',
    });
  });

  test('a contract whose period holds no records is listed as unused', async () => {
    const all = await findContractCoverage(owner, new Date('2026-06-01T00:00:00Z'));
    expect(all.map((c) => c.contract.reference)).toEqual(['GO-DE-unused', 'PPA-FR-1']);
    expect(all[0]?.coverage).toMatchObject({ status: 'unused', allocatedKwh: 0, months: [] });
  });

  test('another organisation sees none of these contracts', async () => {
    const other = await createOrgWithMember('owner');
    expect(await findContractCoverage(other, new Date('2026-06-01T00:00:00Z'))).toEqual([]);
  });
});
