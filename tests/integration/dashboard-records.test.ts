import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildModelLifecycles } from '@/lib/dashboard/model-lifecycle';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { RECORDS_PAGE_SIZE, ZRecordsQuery } from '@/lib/schemas/records-query';
import { getDashboardTotals } from '@/lib/server/dashboard/dashboard-totals';
import { findLifecycleInputs } from '@/lib/server/dashboard/model-lifecycle';
import { getPrisma } from '@/lib/server/db/prisma';
import { seedDemoOrganization } from '@/lib/server/demo/demo-seed';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { getUsageRecordDetail } from '@/lib/server/usage/usage-record-detail';
import { findUsageRecordsPage, iterateUsageRecords } from '@/lib/server/usage/usage-record-list';
import { createTestDatabase } from '../support/test-database';

let orgId: string;
let otherOrgId: string;
const range = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') };

beforeAll(async () => {
  const url = await createTestDatabase();
  process.env.DATABASE_URL = url;
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), url);
  orgId = (await seedDemoOrganization({ computedAt: new Date('2026-11-29T00:00:00Z') })).orgId;
  otherOrgId = (await getPrisma().organization.create({ data: { name: 'Other', slug: 'other' } })).id;
}, 180_000);

afterAll(async () => {
  await getPrisma().$disconnect();
});

test('pages of 50 cover exactly the filtered records, sorted, and the export yields the same set', async () => {
  const filters = parseDashboardFilters({ team: 'platform', phase: ['inference', 'evaluation'] });
  const totals = await getDashboardTotals({ orgId }, filters, range);
  const query = ZRecordsQuery.parse({ sort: 'location_kg_co2e', dir: 'desc' });
  const first = await findUsageRecordsPage({ orgId }, filters, range, query);
  expect(first.total).toBe(totals.records);
  expect(first.total).toBeGreaterThan(RECORDS_PAGE_SIZE);
  expect(first.rows).toHaveLength(RECORDS_PAGE_SIZE);
  const values = first.rows.map((r) => r.locationKgCo2e);
  expect(values).toEqual([...values].sort((a, b) => b - a));
  expect(
    first.rows.every((r) => r.team === 'Platform' && ['inference', 'evaluation'].includes(r.phase)),
  ).toBe(true);

  const seen = new Set<string>();
  const pages = Math.ceil(first.total / RECORDS_PAGE_SIZE);
  for (let page = 1; page <= pages; page += 1) {
    const { rows } = await findUsageRecordsPage({ orgId }, filters, range, { ...query, page });
    for (const r of rows) {
      seen.add(r.id);
    }
  }
  expect(seen.size).toBe(first.total);

  const exported = new Set<string>();
  for await (const batch of iterateUsageRecords({ orgId }, filters, range, 37)) {
    for (const r of batch) {
      exported.add(r.id);
    }
  }
  expect(exported).toEqual(seen);
});

test('record detail is org-scoped and carries its factors and flags', async () => {
  const { rows } = await findUsageRecordsPage(
    { orgId },
    parseDashboardFilters({}),
    range,
    ZRecordsQuery.parse({}),
  );
  const id = rows[0]?.id as string;
  const detail = await getUsageRecordDetail({ orgId }, id);
  expect(detail?.id).toBe(id);
  expect(detail?.factorRefs.some((f) => f.kind === 'ewif')).toBe(true);
  expect(detail?.factorRefs.every((f) => f.unit && f.source && f.datasetVersion)).toBe(true);
  expect(await getUsageRecordDetail({ orgId: otherOrgId }, id)).toBeNull();
  expect(await getUsageRecordDetail({ orgId }, 'not-a-uuid')).toBeNull();
  const page = await findUsageRecordsPage(
    { orgId: otherOrgId },
    parseDashboardFilters({}),
    range,
    ZRecordsQuery.parse({}),
  );
  expect(page.total).toBe(0);
});

test('model lifecycle totals equal the per-phase sums for each model', async () => {
  const all = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
  const { runs, inference } = await findLifecycleInputs({ orgId }, parseDashboardFilters({}), all);
  const models = buildModelLifecycles(runs, inference);
  for (const m of models) {
    for (const phase of ['training', 'fine_tuning', 'inference'] as const) {
      const totals = await getDashboardTotals(
        { orgId },
        parseDashboardFilters({ model: m.model, phase }),
        all,
      );
      const lifecycle =
        phase === 'training'
          ? m.trainingKgCo2e
          : phase === 'fine_tuning'
            ? m.fineTuningKgCo2e
            : m.inferenceKgCo2e;
      expect(Math.abs(lifecycle - totals.values.locationKgCo2e)).toBeLessThan(1e-6 * Math.max(1, lifecycle));
    }
  }
  const llm = models.find((m) => m.model === 'nw-llm-7b');
  expect(llm?.inferenceOvertookOn).toMatch(/^2026-/);
});
