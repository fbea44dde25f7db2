import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as postAiUsage } from '@/app/api/v1/ai-usage/route';
import { POST as postUpload } from '@/app/api/v1/uploads/route';
import { resolveDateRange } from '@/lib/dashboard/date-range';
import { buildQuarterlyEsgReport } from '@/lib/reports/build-quarterly-esg-report';
import { roundFor, toTonnes } from '@/lib/reports/rounding';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getScopeSplit } from '@/lib/server/dashboard/dashboard-scopes';
import { getDataSpan } from '@/lib/server/dashboard/emission-summaries';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { getQuarterAggregates } from '@/lib/server/reports/quarter-aggregates';
import { recomputeOrganization } from '@/lib/server/usage/recompute';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor } from '../support/upload-fixtures';

// On-device inference (issue #21 item 6) through POST /api/v1/ai-usage and the AI usage template upload.
// Germany, June 2024: Ember monthly 330.966 g CO2e/kWh (reference/grid/country_monthly_ember.csv, DEU 2024-06).
const DEU_2024_06_G_PER_KWH = 330.966;
let token: string;
let orgId: string;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

async function freshOrg(name: string) {
  const editor = await createOrgWithEditor(name);
  orgId = editor.orgId;
  token = (await createApiToken(editor, 'ci')).token;
}

const post = (rows: unknown) =>
  postAiUsage(
    new Request('http://localhost/api/v1/ai-usage', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(rows),
    }),
  );

const upload = (fileName: string, csv: string) =>
  postUpload(
    new Request(`http://localhost/api/v1/uploads?fileName=${fileName}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: csv,
    }),
  );

const stored = async () =>
  (
    await getPgPool().query(
      `SELECT provider::text, phase::text, ai_service, pue_applied, it_energy_kwh, facility_energy_kwh,
         water_onsite_l, location_kg_co2e, intensity_g_co2e_per_kwh, uncertainty_low_kg_co2e,
         uncertainty_high_kg_co2e, embodied_kg_co2e, tokens, requests, source_data
       FROM usage_record WHERE org_id = $1 ORDER BY ai_service`,
      [orgId],
    )
  ).rows;

const LAPTOPS = {
  id: 'edge-laptops-2024-06',
  provider: 'edge',
  model: 'llama-3.2-1b',
  startedAt: '2024-06-01T00:00:00Z',
  endedAt: '2024-07-01T00:00:00Z',
  inputTokens: 0,
  outputTokens: 0,
  edge: {
    deviceClass: 'laptop',
    deviceCount: 200,
    ownership: 'company',
    country: 'DE',
    tokensPerDevice: 50_000,
  },
};

describe('POST /api/v1/ai-usage with on-device rows', () => {
  test('200 laptops × 50,000 tokens: device energy, PUE 1, no on-site water, CO2e by hand, flags', async () => {
    await freshOrg('EdgeApi');
    const response = await post([LAPTOPS]);
    expect(response.status).toBe(201);
    const [row] = await stored();
    // 200 × 50,000 × (0.259 + 0.413)/2 J = 3,360,000 J = 0.933333 kWh; facility = IT (PUE 1).
    expect(row).toMatchObject({
      provider: 'edge',
      phase: 'inference',
      ai_service: 'edge',
      pue_applied: 1,
      water_onsite_l: 0,
      embodied_kg_co2e: 0,
      tokens: 10_000_000,
    });
    expect(row.it_energy_kwh).toBeCloseTo(0.933333, 6);
    expect(row.facility_energy_kwh).toBeCloseTo(0.933333, 6);
    expect(row.intensity_g_co2e_per_kwh).toBeCloseTo(DEU_2024_06_G_PER_KWH, 6);
    // 0.933333 kWh × 330.966 g/kWh = 308.9016 g = 0.3089016 kg.
    expect(row.location_kg_co2e).toBeCloseTo(0.3089016, 6);
    // The band holds at least the J/token range: 0.259/0.336 and 0.413/0.336 of the value (±22.9 %).
    expect(row.uncertainty_low_kg_co2e).toBeLessThanOrEqual(0.3089016 * (0.259 / 0.336) + 1e-9);
    expect(row.uncertainty_high_kg_co2e).toBeGreaterThanOrEqual(0.3089016 * (0.413 / 0.336) - 1e-9);
    expect(row.source_data.ingestFlags).toEqual(['EDGE_DEVICE_BOUNDARY', 'EDGE_THIN_EVIDENCE']);
    expect(row.source_data.edge).toEqual({ deviceClass: 'laptop', deviceCount: 200, ownership: 'company' });
  });

  test('a phone without J/token, edge figures on another provider, an unknown country: 422 by index and field, nothing stored', async () => {
    await freshOrg('EdgeApiBad');
    const phone = {
      ...LAPTOPS,
      id: 'phones',
      edge: { ...LAPTOPS.edge, deviceClass: 'phone' },
    };
    const nowhere = { ...LAPTOPS, id: 'nowhere', edge: { ...LAPTOPS.edge, country: 'Atlantis' } };
    const response = await post([LAPTOPS, phone, { ...LAPTOPS, id: 'x', provider: 'openai' }, nowhere]);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: { index: number; field: string; message: string }[] };
    expect(body.errors.map((e) => `${e.index}:${e.field}`)).toEqual([
      '1:edge.joulesPerToken',
      '2:provider',
      '3:edge.country',
    ]);
    expect(await stored()).toEqual([]);
  });
});

describe('the AI usage template upload with on-device rows', () => {
  test('company laptops and shipped embedded products land; shipped products are not an owned (Scope 2) service', async () => {
    await freshOrg('EdgeUpload');
    const csv = [
      'provider,model,period_start,period_end,input_tokens,output_tokens,device_class,device_count,device_ownership,device_country,inferences_per_device,energy_per_inference_wh,tokens_per_device,joules_per_token',
      'edge,llama-3.2-1b,2024-06-01,2024-07-01,,,laptop,200,company,DE,,,50000,',
      'edge,,2024-06-01,2024-07-01,,,embedded,10,shipped,Germany,1000,0.5,,',
    ].join('\n');
    const response = await upload('edge.csv', csv);
    const body = (await response.json()) as { rowsAccepted: number; errors: unknown[] };
    expect(body).toMatchObject({ rowsAccepted: 2, errors: [] });
    expect(response.status).toBe(201);
    const [laptops, shipped] = await stored();
    expect(laptops).toMatchObject({ ai_service: 'edge', pue_applied: 1, water_onsite_l: 0 });
    expect(laptops.location_kg_co2e).toBeCloseTo(0.3089016, 6);
    // 10 × 1,000 × 0.5 Wh = 5 kWh; × 330.966 g/kWh = 1.65483 kg; a stated energy: no thin-evidence flag.
    expect(shipped).toMatchObject({ ai_service: 'edge-sold-products', pue_applied: 1, requests: 10_000 });
    expect(shipped.it_energy_kwh).toBeCloseTo(5, 10);
    expect(shipped.location_kg_co2e).toBeCloseTo(1.65483, 6);
    expect(shipped.source_data.ingestFlags).toEqual(['EDGE_DEVICE_BOUNDARY']);

    // The report and the overview: the laptops are Scope 2, the shipped products Scope 3 Category 11 (use of sold
    // products), neither Scope 2 nor Category 1 AI services; the total holds both (0.3089016 + 1.65483 kg).
    const aggregates = await getQuarterAggregates({ orgId }, '2024-Q2');
    expect(aggregates.owned.locationKgCo2e).toBeCloseTo(0.3089016, 6);
    expect(aggregates.soldProducts.locationKgCo2e).toBeCloseTo(1.65483, 6);
    expect(aggregates.aiServices.locationKgCo2e).toBe(0);
    expect(aggregates.cloud.locationKgCo2e).toBe(0);
    expect(aggregates.totals.locationKgCo2e).toBeCloseTo(1.9637316, 6);
    const filters = parseDashboardFilters({ range: 'quarter', quarter: '2024-Q2' });
    const range = resolveDateRange(
      filters,
      new Date('2024-08-01T00:00:00Z'),
      await getDataSpan({ orgId }),
      'UTC',
    );
    const split = await getScopeSplit({ orgId }, filters, range);
    expect(split.scope2LocationKgCo2e).toBeCloseTo(0.3089016, 6);
    expect(split.cat11SoldProductsLocationKgCo2e).toBeCloseTo(1.65483, 6);
    expect(split.cat1AiServicesLocationKgCo2e).toBe(0);
    // The overview's split equals the report's Table C, row by row as the report rounds (1.65483 kg = 0.002 t).
    const report = buildQuarterlyEsgReport(aggregates, { generatedAt: new Date('2024-08-01T00:00:00Z') });
    const tableC = report.sections.flatMap((s) => s.tables).find((x) => x.id === 'table-c');
    const current = (label: string) => tableC?.rows.find((r) => r.label === label)?.current;
    const t = (kg: number) => roundFor(toTonnes(kg), 'tCO2e');
    expect(current('Scope 3 Cat 11: use of sold products (on-device inference) (LB basis)')).toBe(0.002);
    expect(t(split.cat11SoldProductsLocationKgCo2e)).toBe(
      current('Scope 3 Cat 11: use of sold products (on-device inference) (LB basis)'),
    );
    expect(t(split.cat11SoldProductsMarketKgCo2e)).toBe(
      current('Scope 3 Cat 11: use of sold products (on-device inference) (MB basis)'),
    );
    expect(t(split.scope2LocationKgCo2e)).toBe(current('Scope 2 location-based'));
    expect(current('Scope 3 Cat 1 AI services (LB basis)')).toBe(0);
    // A recomputation keeps every stored figure (the energy range sits in the source data).
    expect((await recomputeOrganization({ orgId }, { reason: 'test', now: new Date() })).changedRecords).toBe(
      0,
    );
  });

  test('a bad device row: error by line and column, nothing stored', async () => {
    await freshOrg('EdgeUploadBad');
    const csv = [
      'provider,model,period_start,period_end,input_tokens,output_tokens,device_class,device_count,device_ownership,device_country,tokens_per_device',
      'edge,,2024-06-01,2024-07-01,,,laptop,200,company,DE,50000',
      'edge,,2024-06-01,2024-07-01,,,phone,20,company,DE,50000',
    ].join('\n');
    const response = await upload('edge-bad.csv', csv);
    const body = (await response.json()) as { errors: { line: number; column: string }[] };
    expect(body.errors).toEqual([expect.objectContaining({ line: 3, column: 'joules_per_token' })]);
    expect(await stored()).toEqual([]);
  });
});
