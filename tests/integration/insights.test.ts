import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as bestWindow } from '@/app/api/v1/forecast/best-window/route';
import { userActor } from '@/lib/auth/actor';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import { DEFAULT_METHODOLOGY_SETTINGS } from '@/lib/emissions/methodology-settings';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPrisma } from '@/lib/server/db/prisma';
import { seedDemoOrganization } from '@/lib/server/demo/demo-seed';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { getRealisedSavings } from '@/lib/server/insights/realised-savings';
import { findRecommendationPlans, saveRecommendationPlan } from '@/lib/server/insights/recommendation-plans';
import { findRecommendations } from '@/lib/server/insights/recommendations';
import { computeWhatIf } from '@/lib/server/insights/what-if';
import { storeUsageRecords } from '@/lib/server/usage/usage-records';
import { expectContract } from '../support/api-contract';
import { createTestDatabase } from '../support/test-database';

const library = loadBundledFactorLibrary();
let demoOrgId: string;
let smallOrgId: string;
const editor = { id: 'insights-editor', role: 'editor' as const };
const now = new Date('2026-11-29T12:00:00Z');

/** Day d of August 2026: 100 kWh metered, PUE 1, intensity given → 100 × g / 1000 kg, 10 device-hours. */
function run(d: number, gPerKwh: number): TUsageRecordInput {
  const start = new Date(Date.UTC(2026, 7, d));
  return {
    recordId: `p-${d}`,
    phase: 'training',
    startedAt: start,
    endedAt: new Date(start.getTime() + 3_600_000),
    project: 'Proj P',
    provider: 'aws',
    region: 'us-east-1',
    energyKwh: 100,
    pue: 1,
    carbonIntensityGPerKwh: gPerKwh,
    acceleratorHours: 10,
  };
}

beforeAll(async () => {
  const url = await createTestDatabase();
  process.env.DATABASE_URL = url;
  await replaceBundledFactorLibrary(library, url);
  demoOrgId = (await seedDemoOrganization({ computedAt: now })).orgId;
  const prisma = getPrisma();
  smallOrgId = (await prisma.organization.create({ data: { name: 'Small', slug: 'small' } })).id;
  await prisma.user.create({ data: { id: editor.id, name: 'Ed Itor', email: 'ed@example.test' } });
  await prisma.membership.create({ data: { orgId: smallOrgId, userId: editor.id, role: 'editor' } });
  // Days 1–10 at 500 g/kWh (50 kg each), days 11–20 at 50 g/kWh (5 kg each).
  const inputs = Array.from({ length: 20 }, (_, i) => run(i + 1, i < 10 ? 500 : 50));
  const footprints = computeFootprints(inputs, library, DEFAULT_METHODOLOGY_SETTINGS, []);
  await storeUsageRecords(
    { orgId: smallOrgId },
    inputs.map((record, i) => ({ record, footprint: footprints[i] as (typeof footprints)[number] })),
    { computedAt: now },
  );
}, 240_000);

afterAll(async () => {
  await getPrisma().$disconnect();
});

describe('recommendations on the demo organisation', () => {
  test('ranked, concrete and sourced: moving Sydney work to a low-carbon region is listed', async () => {
    const list = await findRecommendations({ orgId: demoOrgId });
    const recs = list.recommendations;
    console.info(
      recs
        .slice(0, 6)
        .map(
          (r) =>
            `${r.title}: −${(r.annualSavedKgCo2e / 1000).toFixed(1)} t/yr (${(r.shareOfTotal * 100).toFixed(1)} %)`,
        )
        .join('\n'),
    );
    expect(recs.length).toBeGreaterThan(3);
    const saved = recs.map((r) => r.annualSavedKgCo2e);
    expect(saved).toEqual([...saved].sort((a, b) => b - a));
    const sydney = recs.find((r) => r.kind === 'region' && r.scope.region === 'ap-southeast-2');
    expect(sydney?.title).toMatch(/^Move Document Extraction .* from AWS ap-southeast-2 to /);
    expect(sydney?.sources.length).toBeGreaterThan(0);
    expect(recs.every((r) => r.shareOfTotal > 0 && r.shareOfTotal < 1)).toBe(true);
  }, 120_000);

  test('what-if for one record runs server-side with the organisation factors and is org-scoped', async () => {
    const record = await getPrisma().usageRecord.findFirstOrThrow({
      where: { orgId: demoOrgId, region: 'ap-southeast-2', phase: 'fine_tuning' },
    });
    const result = await computeWhatIf(
      { orgId: demoOrgId },
      {
        target: { type: 'record', recordId: record.id },
        scenario: { kind: 'region', provider: 'azure', region: 'swedencentral' },
      },
      now,
    );
    expect(result.records).toBe(1);
    expect(result.baseline.locationKgCo2e).toBeCloseTo(record.locationKgCo2e, 6);
    expect(result.delta.locationKgCo2e).toBeLessThan(-0.5 * record.locationKgCo2e);
    await expect(
      computeWhatIf(
        { orgId: smallOrgId },
        { target: { type: 'record', recordId: record.id }, scenario: { kind: 'time', withinHours: 24 } },
        now,
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
  test('what-if for a filtered set uses the dashboard filters over their date range', async () => {
    const count = await getPrisma().usageRecord.count({
      where: { orgId: demoOrgId, phase: 'fine_tuning', project: { slug: 'doc-extraction' } },
    });
    const result = await computeWhatIf(
      { orgId: demoOrgId },
      {
        target: { type: 'filters', query: 'range=all&project=doc-extraction&phase=fine_tuning' },
        scenario: { kind: 'region', provider: 'azure', region: 'swedencentral' },
        electricityPricePerKwh: 0.2,
      },
      now,
    );
    expect(result.records).toBe(count);
    expect(result.delta.locationKgCo2e).toBeLessThan(0);
    // Cost = facility kWh × the entered price; the source names the user's price.
    expect(result.baseline.electricityCost).toBeCloseTo(result.baseline.energyKwh * 0.2, 9);
    expect(result.sources.at(-1)).toContain('entered by the user');
  });
});

describe('plans', () => {
  test('an editor plans a recommendation; it is persisted, audited and visible only in its organisation', async () => {
    const recs = (await findRecommendations({ orgId: smallOrgId })).recommendations;
    const rec = recs.find((r) => r.scope.projectSlug === 'proj-p');
    expect(rec).toBeDefined();
    const key = rec?.key ?? '';
    const actor = { orgId: smallOrgId, role: editor.role, actor: userActor(editor.id) };
    const created = await saveRecommendationPlan(
      actor,
      { recommendationKey: key, ownerUserId: editor.id, status: 'planned', dueDate: '2026-12-31' },
      now,
    );
    expect(created.created).toBe(true);
    const [plan] = await findRecommendationPlans({ orgId: smallOrgId });
    expect(plan).toMatchObject({
      recommendationKey: key,
      status: 'planned',
      ownerName: 'Ed Itor',
      dueDate: '2026-12-31',
    });
    expect(await findRecommendationPlans({ orgId: demoOrgId })).toEqual([]);
    const audit = await getPrisma().auditEvent.findMany({
      where: { orgId: smallOrgId, action: 'recommendation_plan.created' },
    });
    expect(audit).toHaveLength(1);
    await expect(
      saveRecommendationPlan({ ...actor, role: 'viewer' }, { recommendationKey: key, status: 'done' }, now),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      saveRecommendationPlan(
        { ...actor, orgId: demoOrgId },
        { recommendationKey: key, ownerUserId: editor.id, status: 'planned' },
        now,
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  }, 60_000);

  test('done on 11 Aug: realised savings compare equal periods per device-hour from stored results', async () => {
    const actor = { orgId: smallOrgId, role: editor.role, actor: userActor(editor.id) };
    const [plan] = await findRecommendationPlans({ orgId: smallOrgId });
    await saveRecommendationPlan(
      actor,
      {
        recommendationKey: plan?.recommendationKey ?? '',
        status: 'done',
        completedOn: '2026-08-11',
        ownerUserId: editor.id,
      },
      now,
    );
    const [done] = await findRecommendationPlans({ orgId: smallOrgId });
    expect(done?.completedAt?.toISOString()).toBe('2026-08-11T00:00:00.000Z');
    const realised = done ? await getRealisedSavings({ orgId: smallOrgId }, done) : null;
    // Data 1 Aug 00:00 – 20 Aug 01:00 → floor(9.04) = 9-day windows. Before (2–10 Aug): 9 × 50 = 450 kg over
    // 90 device-hours; after (11–19 Aug): 9 × 5 = 45 kg over 90. Saving = 450/90 × 90 − 45 = 405 kg;
    // annualised 405 × 365 / 9 = 16,425 kg.
    expect(realised).toMatchObject({ status: 'measured', days: 9, unit: 'device-hour' });
    expect(realised?.before.locationKgCo2e).toBeCloseTo(450, 9);
    expect(realised?.savedKgCo2e).toBeCloseTo(405, 9);
    expect(realised?.annualisedSavedKgCo2e).toBeCloseTo(16_425, 6);
    const updates = await getPrisma().auditEvent.count({
      where: { orgId: smallOrgId, action: 'recommendation_plan.updated' },
    });
    expect(updates).toBe(1);
  }, 60_000);
});

describe('GET /api/v1/forecast/best-window', () => {
  const call = async (query: string, bearer?: string) => {
    const headers: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
    return bestWindow(new Request(`http://localhost/api/v1/forecast/best-window?${query}`, { headers }));
  };

  test('bearer token, org-scoped: cleanest start from the DE 2023 profile, labelled, matching the OpenAPI schema', async () => {
    const { token } = await createApiToken({ orgId: smallOrgId, userId: editor.id }, 'bw');
    const path = '/api/v1/forecast/best-window';
    const ok = await call('region=DE&hours=4&within=48&from=2026-06-01T00:00:00Z', token);
    expect(ok.status).toBe(200);
    const body = (await expectContract('get', path, ok)) as Record<string, unknown>;
    expect(body).toMatchObject({
      label: 'historical-profile based',
      gridZone: 'DE',
      profile: { year: 2023 },
    });
    expect(body.bestMeanGCo2ePerKwh as number).toBeLessThanOrEqual(body.plannedMeanGCo2ePerKwh as number);
    // us-east-1 maps to PJM, which has a profile.
    expect((await call('region=us-east-1&provider=aws&hours=2&within=24', token)).status).toBe(200);
    const noProfile = await call('region=ap-southeast-2&hours=2&within=24', token);
    expect(noProfile.status).toBe(422);
    expect(((await noProfile.json()) as { error: { message: string } }).error.message).toContain(
      'profiles exist for',
    );
    expect((await call('region=atlantis-9&hours=2&within=24', token)).status).toBe(404);
    const bad = await call('region=DE&hours=10&within=5', token);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(
      'within must be at least hours',
    );
    expect((await call('region=DE&hours=1&within=2', 'aif_not-a-token')).status).toBe(401);
  }, 60_000);
});
