import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as postAiUsage } from '@/app/api/v1/ai-usage/route';
import { userActor } from '@/lib/auth/actor';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { findModelTokenIntensity } from '@/lib/server/insights/find-model-token-intensity';
import { findRecommendationPlans, saveRecommendationPlan } from '@/lib/server/insights/recommendation-plans';
import { findRecommendations } from '@/lib/server/insights/recommendations';
import { computeSwitchModel, getSwitchModelOptions } from '@/lib/server/insights/switch-model';
import { getQuarterAggregates } from '@/lib/server/reports/quarter-aggregates';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor } from '../support/upload-fixtures';

// Issue #21 part 4: intensity per 1M tokens, the "switch model" what-if and right-sizing, on AI usage stored
// through the real ingest path (POST /api/v1/ai-usage).

const NOW = new Date('2026-06-15T00:00:00Z');
let editor: Awaited<ReturnType<typeof createOrgWithEditor>>;
let emptyOrgId: string;

/*
 * By hand (EcoLogits 0.9.1, N = 1e6 output tokens, OpenAI profile PUE 1.2; lib/insights/switch-model.test.ts has
 * every step): gpt-4o facility energy = midpoint of 2.125349 and 3.833791 = 2.979570 kWh; gpt-4o-mini per 1M
 * output tokens = midpoint of 0.0891526 and 0.1134202 = 0.1012864 kWh. Ratio mini / 4o = 0.0339936.
 */
const GPT_4O_KWH = 2.97957;
const RATIO = 0.0339936;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  process.env.AIF_FIXED_NOW = NOW.toISOString();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  editor = await createOrgWithEditor('AiModels');
  emptyOrgId = (await createOrgWithEditor('NoAi')).orgId;
  const token = (await createApiToken(editor, 'ci')).token;
  const response = await postAiUsage(
    new Request('http://localhost/api/v1/ai-usage', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          id: 'big',
          provider: 'openai',
          model: 'gpt-4o',
          startedAt: '2026-03-02',
          endedAt: '2026-03-03',
          inputTokens: 500_000,
          outputTokens: 1_000_000,
          requests: 1_000,
        },
        {
          id: 'small',
          provider: 'openai',
          model: 'gpt-4o-mini',
          startedAt: '2026-03-02',
          endedAt: '2026-03-03',
          inputTokens: 100_000,
          outputTokens: 200_000,
          requests: 400,
        },
      ]),
    }),
  );
  expect(response.status).toBe(201);
});

afterAll(async () => {
  delete process.env.AIF_FIXED_NOW;
  await getPrisma().$disconnect();
  await getPgPool().end();
});

async function storedBig() {
  const { rows } = await getPgPool().query(
    `SELECT facility_energy_kwh, location_kg_co2e, market_kg_co2e, water_onsite_l + water_offsite_l AS water_l
       FROM usage_record WHERE org_id = $1 AND external_id = 'big'`,
    [editor.orgId],
  );
  return rows[0] as {
    facility_energy_kwh: number;
    location_kg_co2e: number;
    market_kg_co2e: number;
    water_l: number;
  };
}

describe('AI model insights on stored usage', () => {
  test('intensity per 1M tokens: stored kWh / 1.5 M tokens × 1e6, per output token / 1 M', async () => {
    const big = await storedBig();
    // The stored energy is the method's (PUE 1.2 kept as the record's PUE).
    expect(Math.abs(big.facility_energy_kwh / GPT_4O_KWH - 1)).toBeLessThan(1e-4);
    const filters = parseDashboardFilters(new URLSearchParams());
    const rows = await findModelTokenIntensity(editor, filters, {
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-04-01T00:00:00Z'),
    });
    const row = rows.find((r) => r.model === 'gpt-4o');
    expect(row).toMatchObject({ service: 'openai', serviceLabel: 'OpenAI API', tokens: 1_500_000 });
    // 2,979.570 Wh / 1.5 M tokens = 1,986.380 Wh per 1M tokens; per 1M output tokens 2,979.570 Wh.
    expect(row?.energyWhPer1mTokens).toBeCloseTo(1986.38, 1);
    expect(row?.energyWhPer1mOutputTokens).toBeCloseTo(2979.57, 1);
    // CO2e: the stored kg × 1000 / 1.5 (g per 1M tokens), from the rows inserted above.
    expect(row?.locationGCo2ePer1mTokens).toBeCloseTo((big.location_kg_co2e * 1000) / 1.5, 6);
    expect(row?.waterLPer1mTokens).toBeCloseTo(big.water_l / 1.5, 6);
    // A phase filter without inference leaves no model with tokens.
    const training = parseDashboardFilters(new URLSearchParams('phase=training'));
    expect(await findModelTokenIntensity(editor, training, { from: new Date(0), to: NOW })).toEqual([]);
    // The quarterly report reads the same figures.
    const aggregates = await getQuarterAggregates(editor, '2026-Q1');
    expect(aggregates.modelTokenIntensity?.map((r) => r.model).sort()).toEqual(['gpt-4o', 'gpt-4o-mini']);
  });

  test('switch gpt-4o → gpt-4o-mini: energy × the hand ratio; no prices → cost not estimated', async () => {
    const big = await storedBig();
    const result = await computeSwitchModel(
      editor,
      {
        service: 'openai',
        model: 'gpt-4o',
        query: 'range=custom&from=2026-03-01&to=2026-03-31',
        target: { kind: 'model', model: 'gpt-4o-mini' },
      },
      NOW,
    );
    expect(result.records).toBe(1);
    expect(result.baseline.energyKwh).toBeCloseTo(big.facility_energy_kwh, 9);
    expect(result.delta.energyKwh).toBeCloseTo(GPT_4O_KWH * (RATIO - 1), 4);
    expect(result.delta.locationKgCo2e).toBeCloseTo(big.location_kg_co2e * (RATIO - 1), 6);
    expect(result.cost).toMatchObject({ current: null, target: null, delta: null });
    await expect(
      computeSwitchModel(
        { orgId: emptyOrgId },
        { service: 'openai', model: 'gpt-4o', query: '', target: { kind: 'model', model: 'gpt-4o-mini' } },
        NOW,
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('self-hosting Llama 3.1 70B on H100 in gcp us-west1: 4 GPUs, hours from the latency fit; bad place refused', async () => {
    const input = {
      service: 'openai',
      model: 'gpt-4o',
      query: 'range=custom&from=2026-03-01&to=2026-03-31',
      electricityPricePerKwh: 0.2,
      target: {
        kind: 'self-host' as const,
        model: 'meta-llama/Meta-Llama-3.1-70B',
        accelerator: 'NVIDIA H100 SXM',
        provider: 'gcp' as const,
        region: 'us-west1',
      },
    };
    const result = await computeSwitchModel(editor, input, NOW);
    // 1.2 × 70.55 × 2 = 169.32 GB → 4 GPUs; 4 × 1e6 × 0.0873061 s / 64 / 3600 = 1.515731 accelerator-hours.
    expect(result.selfHost?.gpuCount).toBe(4);
    expect(result.selfHost?.acceleratorHours).toBeCloseTo(1.515731, 5);
    expect(result.scenario.energyKwh).toBeGreaterThan(0);
    // Cost = the scenario's facility kWh × the entered 0.2 (no accelerator-hour price entered).
    expect(result.cost.target).toBeCloseTo(result.scenario.energyKwh * 0.2, 9);
    await expect(
      computeSwitchModel(editor, { ...input, target: { ...input.target, region: 'atlantis-1' } }, NOW),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  test('options list the organisation’s AI usage only', async () => {
    const options = await getSwitchModelOptions(editor);
    expect(options.usages.map((u) => [u.model, u.serviceLabel])).toEqual([
      ['gpt-4o', 'OpenAI API'],
      ['gpt-4o-mini', 'OpenAI API'],
    ]);
    expect(options.usages[0]?.targets.some((t) => t.name === 'gpt-4o-mini' && !t.large)).toBe(true);
    expect((await getSwitchModelOptions({ orgId: emptyOrgId })).usages).toEqual([]);
  });

  test('right-sizing: 1 M of 1.2 M output tokens (83 %) on a large model → recommended and plannable', async () => {
    const big = await storedBig();
    const list = await findRecommendations(editor, NOW);
    const rec = list.recommendations.find((r) => r.kind === 'model');
    expect(rec?.key).toBe('model:openai:gpt-4o:gpt-4o-mini');
    expect(rec?.annualSavedKgCo2e).toBeCloseTo(big.location_kg_co2e * (1 - RATIO), 6);
    const actor = { orgId: editor.orgId, role: editor.role, actor: userActor(editor.userId) };
    const saved = await saveRecommendationPlan(
      actor,
      { recommendationKey: rec?.key ?? '', status: 'planned' },
      NOW,
    );
    expect(saved.created).toBe(true);
    const [plan] = await findRecommendationPlans(editor);
    expect(plan?.title).toBe('Route routine gpt-4o requests to gpt-4o-mini');
  });
});
