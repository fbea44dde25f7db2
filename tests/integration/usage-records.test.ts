import { beforeAll, expect, test } from 'vitest';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import { DEFAULT_METHODOLOGY_SETTINGS } from '@/lib/emissions/methodology-settings';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { type TUsageRecordInput, ZUsageRecordInput } from '@/lib/schemas/usage-record';
import { getDashboardTotals } from '@/lib/server/dashboard/dashboard-totals';
import { findTrendByPhase } from '@/lib/server/dashboard/dashboard-trends';
import { getPrisma } from '@/lib/server/db/prisma';
import { getCachedFactorLibrary } from '@/lib/server/factors/factor-library-cache';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { getUsageRecordDetail } from '@/lib/server/usage/usage-record-detail';
import { storeUsageRecords } from '@/lib/server/usage/usage-records';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

const COMPUTED_AT = new Date('2026-11-29T00:00:00Z');
const RANGE = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
});

function record(overrides: Partial<Record<string, unknown>>): TUsageRecordInput {
  return ZUsageRecordInput.parse({
    phase: 'training',
    startedAt: '2026-03-01T00:00:00Z',
    endedAt: '2026-03-02T00:00:00Z',
    provider: 'gcp',
    region: 'europe-west9',
    accelerator: 'A100-SXM4-80GB',
    acceleratorCount: 8,
    team: 'Applied ML',
    project: 'Support bot',
    ...overrides,
  });
}

async function store(orgId: string, records: TUsageRecordInput[]) {
  const library = await getCachedFactorLibrary({ orgId });
  const footprints = computeFootprints(records, library, DEFAULT_METHODOLOGY_SETTINGS, []);
  return storeUsageRecords(
    { orgId },
    records.map((r, i) => ({ record: r, footprint: footprints[i] as (typeof footprints)[number] })),
    { computedAt: COMPUTED_AT },
  );
}

test('[records] storing is idempotent and a known record_id is replaced, not duplicated', async () => {
  const { orgId } = await createOrgWithMember();
  const rows = [
    record({ recordId: 'run-1' }),
    record({ recordId: 'run-2', startedAt: '2026-04-01', endedAt: '2026-04-03' }),
  ];
  expect(await store(orgId, rows)).toEqual({ created: 2, updated: 0, unchanged: 0 });
  expect(await store(orgId, rows)).toEqual({ created: 0, updated: 0, unchanged: 2 });
  const before = await getPrisma().usageRecord.findFirstOrThrow({ where: { orgId, externalId: 'run-1' } });
  expect(await store(orgId, [record({ recordId: 'run-1', acceleratorCount: 16 })])).toEqual({
    created: 0,
    updated: 1,
    unchanged: 0,
  });
  const after = await getPrisma().usageRecord.findFirstOrThrow({ where: { orgId, externalId: 'run-1' } });
  expect(after.id).toBe(before.id);
  expect(after.itEnergyKwh).toBeCloseTo(before.itEnergyKwh * 2, 9);
  expect(await getPrisma().usageRecord.count({ where: { orgId } })).toBe(2);
});

test('[records] rows without record_id are keyed by content; teams and projects are matched by slug', async () => {
  const { orgId } = await createOrgWithMember();
  const row = record({ team: 'Applied ML' });
  await store(orgId, [row]);
  await store(orgId, [row, record({ team: 'applied-ml', startedAt: '2026-05-01', endedAt: '2026-05-02' })]);
  expect(await getPrisma().usageRecord.count({ where: { orgId } })).toBe(2);
  const teams = await getPrisma().team.findMany({ where: { orgId } });
  expect(teams.map((t) => t.slug)).toEqual(['applied-ml']);
});

test('[records] provenance is stored with every computed value', async () => {
  const { orgId } = await createOrgWithMember();
  await store(orgId, [record({ recordId: 'prov', region: undefined, provider: undefined })]);
  const row = await getPrisma().usageRecord.findFirstOrThrow({ where: { orgId, externalId: 'prov' } });
  // Provenance is read through the record's factor set (issue #20).
  const detail = await getUsageRecordDetail({ orgId }, row.id);
  expect(detail?.methodologyVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
  expect(detail?.assumptionFlags).toContain('LOCATION_UNKNOWN');
  expect(detail?.factorRefs.length).toBeGreaterThan(0);
  expect(detail?.factorRefs.every((f) => f.id && f.source)).toBe(true);
  expect(row.locationKgCo2e).toBeCloseTo((row.facilityEnergyKwh * row.intensityGCo2ePerKwh) / 1000, 9);
});

test('[records] summaries equal the sum of the records and never include another organisation', async () => {
  const a = await createOrgWithMember();
  const b = await createOrgWithMember();
  await store(a.orgId, [
    record({ recordId: 'a1' }),
    record({ recordId: 'a2', phase: 'inference', startedAt: '2026-04-10', endedAt: '2026-04-11' }),
  ]);
  await store(b.orgId, [record({ recordId: 'b1', acceleratorCount: 512 })]);
  const rows = await getPrisma().usageRecord.findMany({ where: { orgId: a.orgId } });
  const filters = parseDashboardFilters(new URLSearchParams());
  const totals = await getDashboardTotals(a, filters, RANGE);
  expect(totals.records).toBe(2);
  expect(totals.values.locationKgCo2e).toBeCloseTo(
    rows.reduce((s, r) => s + r.locationKgCo2e, 0),
    9,
  );
  expect(totals.values.facilityEnergyKwh).toBeCloseTo(
    rows.reduce((s, r) => s + r.facilityEnergyKwh, 0),
    9,
  );
  const monthly = await findTrendByPhase(a, filters, RANGE, 'month');
  expect(monthly.map((m) => `${m.bucket}:${m.phase}`)).toEqual([
    '2026-03-01:training',
    '2026-04-01:inference',
  ]);
  expect(monthly.reduce((s, m) => s + m.locationKgCo2e, 0)).toBeCloseTo(totals.values.locationKgCo2e, 9);
});

test('[factors] the cached library is reused until the factor tables change', async () => {
  const { orgId } = await createOrgWithMember();
  const first = await getCachedFactorLibrary({ orgId });
  expect(await getCachedFactorLibrary({ orgId })).toBe(first);
  await getPrisma().emissionFactor.create({
    data: {
      id: `test-override-${orgId}`,
      orgId,
      zone: 'FR',
      periodStart: new Date('2026-01-01T00:00:00Z'),
      periodEnd: new Date('2027-01-01T00:00:00Z'),
      granularity: 'yearly',
      gCo2ePerKwh: 1,
      basis: 'lifecycle',
      source: 'test',
      licence: 'test',
      datasetVersion: 'test',
    },
  });
  const second = await getCachedFactorLibrary({ orgId });
  expect(second).not.toBe(first);
  expect(second.gridFactors.length).toBe(first.gridFactors.length + 1);
});

test('[records] a replacement through storeUsageRecords is logged as a restatement, like an upload', async () => {
  const { orgId } = await createOrgWithMember();
  await store(orgId, [record({ recordId: 'restated' }), record({ recordId: 'kept', phase: 'inference' })]);
  expect(await getPrisma().restatementEntry.count({ where: { orgId } })).toBe(0);
  await store(orgId, [
    record({ recordId: 'restated', acceleratorCount: 4 }),
    record({ recordId: 'kept', phase: 'inference' }),
  ]);
  const entries = await getPrisma().restatementEntry.findMany({ where: { orgId } });
  const restated = await getPrisma().usageRecord.findFirstOrThrow({
    where: { orgId, externalId: 'restated' },
  });
  expect(entries).toHaveLength(1);
  expect(entries[0]?.recordId).toBe(restated.id);
  expect(entries[0]?.reason).toBe('replaced by a newer version of the record');
  const oldValue = JSON.parse(entries[0]?.oldValue ?? '{}');
  const newValue = JSON.parse(entries[0]?.newValue ?? '{}');
  // Stored as the raw SHA-256 bytes; the restatement log keeps printing hex.
  const restatedHash = Buffer.from(restated.contentHash).toString('hex');
  expect(restatedHash).toMatch(/^[0-9a-f]{64}$/);
  expect(newValue.contentHash).toBe(restatedHash);
  expect(oldValue.contentHash).not.toBe(restatedHash);
  expect(oldValue.facilityEnergyKwh).toBeCloseTo(newValue.facilityEnergyKwh * 2, 9);
});

test('[records] inside a caller Prisma transaction the same upsert runs and rolls back with it', async () => {
  const { orgId } = await createOrgWithMember();
  await store(orgId, [record({ recordId: 'tx-1' })]);
  const library = await getCachedFactorLibrary({ orgId });
  const changed = record({ recordId: 'tx-1', acceleratorCount: 2 });
  const [footprint] = computeFootprints([changed], library, DEFAULT_METHODOLOGY_SETTINGS, []);
  const item = { record: changed, footprint: footprint as NonNullable<typeof footprint> };
  await expect(
    getPrisma().$transaction(async (tx) => {
      const result = await storeUsageRecords({ orgId }, [item], {
        computedAt: COMPUTED_AT,
        tx,
        reason: 'test',
      });
      expect(result).toEqual({ created: 0, updated: 1, unchanged: 0 });
      expect(await tx.restatementEntry.count({ where: { orgId, reason: 'test' } })).toBe(1);
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');
  expect(await getPrisma().restatementEntry.count({ where: { orgId } })).toBe(0);
  const result = await getPrisma().$transaction((tx) =>
    storeUsageRecords({ orgId }, [item], { computedAt: COMPUTED_AT, tx, reason: 'test' }),
  );
  expect(result).toEqual({ created: 0, updated: 1, unchanged: 0 });
  const row = await getPrisma().usageRecord.findFirstOrThrow({ where: { orgId, externalId: 'tx-1' } });
  expect(row.acceleratorCount).toBe(2);
  expect((await getUsageRecordDetail({ orgId }, row.id))?.assumptionFlags).toEqual([
    ...(footprint?.assumptions ?? []),
  ]);
  expect(await getPrisma().restatementEntry.count({ where: { orgId, reason: 'test' } })).toBe(1);
});

test('[records] equal provenance is stored once per organisation, across separate writes', async () => {
  const a = await createOrgWithMember();
  const b = await createOrgWithMember();
  // Same engine inputs (team and record id do not change a footprint), written by two separate stores.
  await store(a.orgId, [record({ recordId: 'fs-1' })]);
  await store(a.orgId, [record({ recordId: 'fs-2', team: 'Search' })]);
  // Another grid zone: other factors, so another set.
  await store(a.orgId, [record({ recordId: 'fs-3', region: 'us-central1' })]);
  await store(b.orgId, [record({ recordId: 'fs-1' })]);
  const setOf = async (orgId: string, externalId: string) =>
    (await getPrisma().usageRecord.findFirstOrThrow({ where: { orgId, externalId } })).factorSetId;
  expect(await setOf(a.orgId, 'fs-2')).toBe(await setOf(a.orgId, 'fs-1'));
  expect(await setOf(a.orgId, 'fs-3')).not.toBe(await setOf(a.orgId, 'fs-1'));
  // Sets are per organisation: b has its own copy of the same content.
  expect(await setOf(b.orgId, 'fs-1')).not.toBe(await setOf(a.orgId, 'fs-1'));
  expect(await getPrisma().factorSet.count({ where: { orgId: a.orgId } })).toBe(2);
  expect(await getPrisma().factorSet.count({ where: { orgId: b.orgId } })).toBe(1);
});
