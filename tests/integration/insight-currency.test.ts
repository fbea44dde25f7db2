import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import { DEFAULT_METHODOLOGY_SETTINGS } from '@/lib/emissions/methodology-settings';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { updateOrganizationSettings } from '@/lib/server/access/organization-settings';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { computeWhatIf } from '@/lib/server/insights/what-if';
import { storeUsageRecords } from '@/lib/server/usage/usage-records';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

// One currency per organisation (issue #23): what-if costs were priced with a US default in USD beside an EUR
// carbon cost. Now a price is in the organisation's currency (typed in the panel or saved in the settings); the
// USD default applies only to USD organisations; otherwise no cost is shown. Hand arithmetic: one record of
// 100 kWh IT energy at PUE 1 = 100 kWh facility energy, so its cost is 100 × the price per kWh.
const library = loadBundledFactorLibrary();
const now = new Date('2026-11-29T12:00:00Z');
let org: Awaited<ReturnType<typeof createOrgWithMember>>;
let recordId: string;

const record: TUsageRecordInput = {
  recordId: 'one',
  phase: 'training',
  startedAt: new Date('2026-08-01T00:00:00Z'),
  endedAt: new Date('2026-08-01T01:00:00Z'),
  provider: 'aws',
  region: 'us-east-1',
  energyKwh: 100,
  pue: 1,
};

const whatIf = (electricityPricePerKwh?: number) =>
  computeWhatIf(
    org,
    {
      target: { type: 'record', recordId },
      scenario: { kind: 'region', provider: 'azure', region: 'swedencentral' },
      electricityPricePerKwh,
    },
    now,
  );

const saveSettings = (currency: string, electricityPricePerKwh: number | null) =>
  updateOrganizationSettings(
    { ...org, role: 'owner' },
    {
      defaultBasis: 'lifecycle',
      embodiedLifetimeYears: 4,
      carbonPricePerTonneCo2e: 80,
      currency,
      electricityPricePerKwh,
      timeZone: 'UTC',
    },
    { now },
  );

beforeAll(async () => {
  const url = await createTestDatabase();
  process.env.DATABASE_URL = url;
  await replaceBundledFactorLibrary(library, url);
  org = await createOrgWithMember('owner');
  const [footprint] = computeFootprints([record], library, DEFAULT_METHODOLOGY_SETTINGS, []);
  await storeUsageRecords(org, [{ record, footprint: footprint as NonNullable<typeof footprint> }], {
    computedAt: now,
  });
  recordId = (await getPrisma().usageRecord.findFirstOrThrow({ where: { orgId: org.orgId } })).id;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('what-if cost in the organisation currency', () => {
  test('an EUR organisation without a price: no USD figure, the cost is left out and the source says why', async () => {
    const result = await whatIf();
    expect(result.currency).toBeNull();
    expect(result.baseline.electricityCost).toBe(0);
    expect(result.sources.join('\n')).toContain('cost not estimated');
    expect(result.sources.join('\n')).not.toContain('12.74');
  });

  test('the price saved in the organisation settings is used, in its currency: 100 kWh × 0.25 = 25 EUR', async () => {
    await saveSettings('EUR', 0.25);
    const result = await whatIf();
    expect(result.currency).toBe('EUR');
    expect(result.baseline.electricityCost).toBeCloseTo(25, 9);
    expect(result.sources).toContain('Electricity price from the organisation settings: 0.25 EUR/kWh');
  });

  test('a price typed in the panel wins and is in the organisation currency: 100 kWh × 0.4 = 40 EUR', async () => {
    const result = await whatIf(0.4);
    expect(result.currency).toBe('EUR');
    expect(result.baseline.electricityCost).toBeCloseTo(40, 9);
  });

  test('a USD organisation without a price gets the sourced US default: 100 kWh × 0.1274 = 12.74 USD', async () => {
    await saveSettings('USD', null);
    const result = await whatIf();
    expect(result.currency).toBe('USD');
    expect(result.baseline.electricityCost).toBeCloseTo(12.74, 9);
  });
});
