import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { expectContract } from '../support/api-contract';
import { postAiUsageRows } from '../support/post-ai-usage-rows';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor } from '../support/upload-fixtures';

// The 6 EcoLogits 0.9.1 worked examples through POST /api/v1/ai-usage (issue #21). Expected values are the
// outputs of reference/ecologits/worked_examples.json, computed by running upstream EcoLogits (not our code).
// A range output (closed models) is compared through its midpoint: the stored record keeps central values.
const examples = JSON.parse(
  readFileSync(path.join(process.cwd(), 'reference/ecologits/worked_examples.json'), 'utf8'),
).examples as {
  id: string;
  inputs: Record<string, number | string | Record<string, unknown>>;
  outputs: {
    energy_kwh: TNumberOrRange;
    usage: { gwp_kgco2eq: TNumberOrRange };
    embodied: { gwp_kgco2eq: TNumberOrRange };
  };
}[];
type TNumberOrRange = number | { min: number; max: number };
const central = (v: TNumberOrRange) => (typeof v === 'number' ? v : (v.min + v.max) / 2);

/** One example as an API row: a single request at the example's latency, its own inputs stated. */
function rowOf(example: (typeof examples)[number]) {
  const i = example.inputs;
  const latencyS = Number(i.request_latency);
  const timing = {
    id: example.id,
    startedAt: '2026-01-05T10:00:00Z',
    endedAt: new Date(Date.parse('2026-01-05T10:00:00Z') + latencyS * 1000).toISOString(),
    inputTokens: 0,
    outputTokens: Number(i.output_token_count),
    requests: 1,
    latencyS,
  };
  if (i.provider === undefined) {
    // compute_llm_impacts rows: raw model size, PUE / WUE and the test's own mix (no zone has it).
    return {
      ...timing,
      model: example.id,
      activeParamsB: i.model_active_parameter_count,
      totalParamsB: i.model_total_parameter_count,
      pue: i.datacenter_pue,
      wueOnsiteLPerKwh: i.datacenter_wue,
      gridKgCo2ePerKwh: i.if_electricity_mix_gwp,
      gridWaterLPerKwh: i.if_electricity_mix_wue,
    };
  }
  // llm_impacts rows: the provider's model; the zone EcoLogits resolved is stated so its mix gives the CO2e.
  const provider = i.provider === 'mistralai' ? 'mistral' : String(i.provider);
  const resolved = i.resolved as { zone: string };
  return { ...timing, provider, model: i.model_name, mixZone: resolved.zone };
}

let token: string;
let orgId: string;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  const editor = await createOrgWithEditor('AiWorked');
  orgId = editor.orgId;
  token = (await createApiToken(editor, 'ci')).token;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

const send = (rows: unknown) => postAiUsageRows(token, rows);

describe('POST /api/v1/ai-usage: the 6 EcoLogits worked examples', () => {
  test('stored facility energy, location CO2e (stated mix) and embodied CO2e match the examples to 0.1 %', async () => {
    expect(examples).toHaveLength(6);
    const created = await expectContract('post', '/api/v1/ai-usage', await send(examples.map(rowOf)));
    expect(created).toEqual({ created: 6, updated: 0, unchanged: 0 });
    const rows = (
      await getPgPool().query(
        `SELECT external_id, facility_energy_kwh, location_kg_co2e, embodied_kg_co2e, intensity_source,
           intensity_override_g_co2e_per_kwh, source_data
         FROM usage_record WHERE org_id = $1`,
        [orgId],
      )
    ).rows;
    expect(rows).toHaveLength(6);
    for (const example of examples) {
      const row = rows.find((r) => r.external_id === example.id);
      const out = example.outputs;
      const within = (actual: number, expected: number, label: string) =>
        expect(
          Math.abs(actual / expected - 1),
          `${example.id} ${label}: ${actual} vs ${expected}`,
        ).toBeLessThan(1e-3);
      within(row.facility_energy_kwh, central(out.energy_kwh), 'facility energy');
      within(row.location_kg_co2e, central(out.usage.gwp_kgco2eq), 'location CO2e');
      within(row.embodied_kg_co2e, central(out.embodied.gwp_kgco2eq), 'embodied CO2e');
      expect(row.intensity_source).toBe('row');
    }
    // Every stated input is flagged on the record (stated PUE, WUE, mix; stated zone).
    const flagsOf = (id: string) => rows.find((r) => r.external_id === id).source_data.ingestFlags;
    expect(flagsOf('mistral-7b-world-mix')).toEqual(
      expect.arrayContaining([
        'AI_MODEL_SIZE_USER_GIVEN',
        'AI_PUE_STATED',
        'AI_WUE_STATED',
        'AI_GRID_MIX_STATED',
      ]),
    );
    expect(flagsOf('mistralai-mistral-small-latest-400tok-100s')).toContain('AI_MIX_ZONE_STATED');
    // The world mix of the test rows: 0.590478 kg/kWh = 590.478 g/kWh, the row's intensity.
    expect(
      rows.find((r) => r.external_id === 'mistral-7b-world-mix').intensity_override_g_co2e_per_kwh,
    ).toBeCloseTo(590.478, 6);
  });

  test('without a stated mix the row keeps our grid factors; bad stated rows are refused by field', async () => {
    const [, , , , mistralSmall] = examples;
    const plain = { ...rowOf(mistralSmall as (typeof examples)[number]), id: 'plain' };
    delete (plain as { mixZone?: string }).mixZone;
    expect((await send([plain])).status).toBe(201);
    const row = (
      await getPgPool().query(
        `SELECT intensity_source, intensity_override_g_co2e_per_kwh FROM usage_record WHERE org_id = $1 AND external_id = 'plain'`,
        [orgId],
      )
    ).rows[0];
    expect(row.intensity_override_g_co2e_per_kwh).toBeNull();
    expect(row.intensity_source).not.toBe('row');
    const refused = await send([{ ...plain, id: 'no-model', model: undefined }]);
    expect(refused.status).toBe(422);
    // A zone EcoLogits has no mix for, and a stated size without provider or site: row errors by field.
    const bad = await send([
      { ...plain, id: 'bad-zone', mixZone: 'XYZ' },
      { ...plain, id: 'no-site', provider: undefined, activeParamsB: 7.3 },
    ]);
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { errors: { index: number; field: string; message: string }[] };
    expect(body.errors.map((e) => [e.index, e.field])).toEqual([
      [0, 'mixZone'],
      [1, 'provider'],
    ]);
    expect(body.errors[0]?.message).toContain('"XYZ" has no electricity mix');
  });
});
