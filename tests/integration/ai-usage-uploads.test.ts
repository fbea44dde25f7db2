import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as postAiUsage } from '@/app/api/v1/ai-usage/route';
import { POST as postAlias } from '@/app/api/v1/name-aliases/route';
import { GET as listRecords } from '@/app/api/v1/records/route';
import { POST } from '@/app/api/v1/uploads/route';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { resolveUploadNames } from '@/lib/server/factors/name-aliases';
import { recomputeOrganization } from '@/lib/server/usage/recompute';
import { expectContract } from '../support/api-contract';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor } from '../support/upload-fixtures';

// AI-service usage exports through POST /api/v1/uploads (issue #21 part 2): every example file lands as usage
// records with the tokens and requests of the file (totals added by hand from the files below).

const DIR = path.join(process.cwd(), 'tests', 'fixtures', 'usage-exports');
let token: string;
let orgId: string;

const upload = (fileName: string, body: string) =>
  POST(
    new Request(`http://localhost/api/v1/uploads?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body,
    }),
  );

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

// Token and request totals added by hand from each file (README.md of the folder describes the fields):
// OpenAI CSV: 1,250,000 + 84,000 input, 310,000 + 52,000 output, 1,820 + 95 requests (row 3 is an empty bucket).
// OpenAI JSON: the CSV's two rows plus 990,000 / 270,500 / 1,544 on 2 January.
// Anthropic: (420,000 + 60,000 cache writes + 900,000 cache reads) + 80,000 input; 150,000 + 30,000 output.
// Bedrock CloudWatch: one model-day of 3,600,000 / 720,000 tokens and 2,400 invocations (latency row folded in).
// Bedrock invocation log: one request of 1,500 / 300 tokens.
// Azure Monitor: ProcessedPromptTokens 1,250,000, GeneratedTokens 310,000, 1,820 requests (TokenTransaction is
// their sum, not added again). CUR 2.0: a Bedrock input-token line of 3,600,000 plus one p5.48xlarge hour.
// Azure FOCUS export: an input-token line of 1,250,000 plus 24 GPU VM hours. GCP: 310,000 output-token line plus
// one GPU machine hour.
const EXPECTED = [
  ['openai_dashboard_usage_export.synthetic.csv', 2, 1_334_000, 362_000, 1_915, null, ['openai']],
  ['openai_usage_completions.synthetic.json', 3, 2_324_000, 632_500, 3_459, null, ['openai']],
  ['anthropic_usage_report_messages.synthetic.json', 2, 1_460_000, 180_000, null, null, ['anthropic']],
  ['aws_bedrock_cloudwatch_metrics.synthetic.csv', 1, 3_600_000, 720_000, 2_400, null, ['aws-bedrock']],
  ['aws_bedrock_invocation_log_record.synthetic.json', 1, 1_500, 300, 1, null, ['aws-bedrock']],
  ['azure_monitor_openai_metrics.synthetic.csv', 1, 1_250_000, 310_000, 1_820, null, ['azure-openai']],
  ['aws_cur2_bedrock_and_gpu.synthetic.csv', 2, 3_600_000, 0, null, 1, ['aws-bedrock', null]],
  ['azure_cost_export_focus.synthetic.csv', 2, 1_250_000, 0, null, 24, ['azure-openai', null]],
  ['gcp_billing_export_vertex.synthetic.csv', 2, 0, 310_000, null, 1, ['google-vertex', null]],
] as const;

async function orgTotalsOf(id: string) {
  const rows = await getPgPool().query(
    `SELECT count(*)::int AS records, coalesce(sum(input_tokens), 0)::float8 AS "inputTokens",
       coalesce(sum(output_tokens), 0)::float8 AS "outputTokens", sum(requests)::float8 AS requests,
       sum(instance_hours)::float8 AS "instanceHours", array_agg(DISTINCT ai_service) AS services,
       sum(facility_energy_kwh)::float8 AS "facilityKwh", sum(location_kg_co2e)::float8 AS "locationKg"
     FROM usage_record WHERE org_id = $1`,
    [id],
  );
  return rows.rows[0];
}

async function freshOrg(name: string) {
  const editor = await createOrgWithEditor(name);
  orgId = editor.orgId;
  token = (await createApiToken(editor, 'ci')).token;
}

describe('every example export uploads through the API', () => {
  test.each(EXPECTED)('%s', async (file, records, input, output, requests, instanceHours, services) => {
    await freshOrg('AiFile');
    const bytes = readFileSync(path.join(DIR, file), 'utf8');
    const response = await upload(file, bytes);
    const body = (await response.json()) as { format: string; rowsAccepted: number; errors: unknown[] };
    expect(response.status).toBe(201);
    expect(body).toMatchObject({ format: 'ai_usage', rowsAccepted: records, errors: [] });
    const totals = await orgTotalsOf(orgId);
    expect(totals).toMatchObject({
      records,
      inputTokens: input,
      outputTokens: output,
      requests,
      instanceHours,
    });
    expect([...totals.services].sort()).toEqual([...services].sort());
    // The same file again adds nothing (repeated upload: 200 with the first upload).
    expect((await upload(file, bytes)).status).toBe(200);
    expect((await orgTotalsOf(orgId)).records).toBe(records);
  });

  test('a stored AI record: facility energy = IT energy × PUE, CO2e = facility energy × our grid factor', async () => {
    await freshOrg('AiRecord');
    const file = 'aws_bedrock_cloudwatch_metrics.synthetic.csv';
    expect((await upload(file, readFileSync(path.join(DIR, file), 'utf8'))).status).toBe(201);
    const row = (
      await getPgPool().query(
        `SELECT it_energy_kwh, pue_applied, facility_energy_kwh, intensity_g_co2e_per_kwh, location_kg_co2e,
           uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, tokens, ai_model_ref, region, provider::text, phase::text, is_measured, embodied_kg_co2e
         FROM usage_record WHERE org_id = $1`,
        [orgId],
      )
    ).rows[0];
    // tokens = input + output: 3,600,000 + 720,000. CloudWatch metrics name no region: the record sits in the
    // model's default mix zone (USA, the EcoLogits anthropic profile), read by our location table as a country.
    expect(row).toMatchObject({
      tokens: 4_320_000,
      region: 'USA',
      provider: 'aws',
      phase: 'inference',
      is_measured: false,
    });
    expect(row.ai_model_ref).toMatch(/^claude-3-5-sonnet.*@ecologits-0\.9\.1$/);
    expect(row.facility_energy_kwh).toBeCloseTo(row.it_energy_kwh * row.pue_applied, 12);
    expect(row.location_kg_co2e).toBeCloseTo(
      (row.facility_energy_kwh * row.intensity_g_co2e_per_kwh) / 1000,
      12,
    );
    expect(row.embodied_kg_co2e).toBeGreaterThan(0);
    // The band carries the model's parameter range (claude-3-5-sonnet's size is an estimate, a range): wider
    // than a metered record's (±5 % energy, ±2 % PUE, ±10 % grid: 0.95 × 0.98 × 0.9 = 0.8379 of the value).
    expect(row.uncertainty_low_kg_co2e / row.location_kg_co2e).toBeLessThan(0.8379);
    expect(row.uncertainty_high_kg_co2e / row.location_kg_co2e).toBeGreaterThan(1.05 * 1.02 * 1.1);
    // A recomputation (new factors, contracts) keeps the method's embodied share and the estimate status.
    const result = await recomputeOrganization({ orgId }, { reason: 'test', now: new Date() });
    expect(result.changedRecords).toBe(0);
    const after = (
      await getPgPool().query(
        `SELECT embodied_kg_co2e, is_measured, uncertainty_low_kg_co2e, uncertainty_high_kg_co2e
         FROM usage_record WHERE org_id = $1`,
        [orgId],
      )
    ).rows[0];
    // …and its range (the energy range kept in the record's source data).
    expect(after).toEqual({
      embodied_kg_co2e: row.embodied_kg_co2e,
      is_measured: false,
      uncertainty_low_kg_co2e: row.uncertainty_low_kg_co2e,
      uncertainty_high_kg_co2e: row.uncertainty_high_kg_co2e,
    });
  });
});

describe('the AI service dimension', () => {
  test('GET /api/v1/records?aiService= lists only that service (2 Anthropic rows of 4)', async () => {
    await freshOrg('AiFilter');
    for (const file of [
      'anthropic_usage_report_messages.synthetic.json',
      'openai_dashboard_usage_export.synthetic.csv',
    ]) {
      expect((await upload(file, readFileSync(path.join(DIR, file), 'utf8'))).status).toBe(201);
    }
    const list = async (query: string) => {
      const response = await listRecords(
        new Request(`http://localhost/api/v1/records?from=2026-01-01&to=2026-01-31${query}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: { aiService: string | null; model: string }[] }).data;
    };
    expect(await list('')).toHaveLength(4);
    const anthropic = await list('&aiService=anthropic');
    expect(anthropic.map((r) => r.aiService)).toEqual(['anthropic', 'anthropic']);
    expect(await list('&aiService=openai,anthropic')).toHaveLength(4);
    expect(await list('&aiService=mistral')).toEqual([]);
  });
});

describe('POST /api/v1/ai-usage', () => {
  const send = (rows: unknown) =>
    postAiUsage(
      new Request('http://localhost/api/v1/ai-usage', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(rows),
      }),
    );
  // codestral-2501: 22.2 B parameters, dense (reference/ecologits/models.json); Mistral: PUE 1.16, zone SWE.
  // By hand (docs: EcoLogits closed form without latency, B = 64): M = 2.4 × 22.2 = 53.3 GB → 1 GPU;
  // f_E = 1.16653e-6 × e^(−0.0112059 × 64) × 22.2 + 4.05293e-5 = 5.31703e-5 Wh/token;
  // f_L = 6.78509e-4 × 22.2 + 3.11931e-4 × 64 + 0.0194737 = 0.0545002 s/token;
  // E = 1.16 × 1,000,000 × 1 × (5.31703e-8 + 0.0545002 × 1.2 / (8 × 64 × 3600)) = 0.102837 kWh (facility).
  const CODESTRAL = {
    id: 'gw-2026-01-05-codestral',
    provider: 'mistral',
    model: 'codestral-2501',
    startedAt: '2026-01-05',
    endedAt: '2026-01-06',
    inputTokens: 4_000_000,
    outputTokens: 1_000_000,
    requests: 2_000,
    team: 'Platform',
  };

  test('a per-day row is stored with the method energy (hand-checked) and is idempotent by id', async () => {
    await freshOrg('AiApi');
    const first = await expectContract('post', '/api/v1/ai-usage', await send([CODESTRAL]));
    expect(first).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await (await send([CODESTRAL])).json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const row = (
      await getPgPool().query(
        `SELECT facility_energy_kwh, ai_service, input_tokens, output_tokens, tokens, requests, region, external_id
         FROM usage_record WHERE org_id = $1`,
        [orgId],
      )
    ).rows;
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({
      ai_service: 'mistral',
      input_tokens: 4_000_000,
      output_tokens: 1_000_000,
      tokens: 5_000_000,
      requests: 2_000,
      region: 'SWE',
      external_id: 'gw-2026-01-05-codestral',
    });
    expect(Math.abs(row[0].facility_energy_kwh / 0.102837 - 1)).toBeLessThan(0.001);
  });

  test('unknown provider, unknown model, negative tokens, no offset: 422 by index, nothing stored', async () => {
    await freshOrg('AiApiBad');
    const unknown = await send([
      CODESTRAL,
      { ...CODESTRAL, id: 'b', provider: 'skynet' },
      { ...CODESTRAL, id: 'c', model: 'codestral-9999' },
      { ...CODESTRAL, id: 'd', startedAt: '2026-01-05T00:00:00' },
    ]);
    expect(unknown.status).toBe(422);
    const body = (await unknown.json()) as { errors: { index: number; field: string; message: string }[] };
    expect(body.errors.map((e) => [e.index, e.field])).toEqual([
      [1, 'provider'],
      [2, 'model'],
      [3, 'startedAt'],
    ]);
    expect((await send([{ ...CODESTRAL, outputTokens: -1 }])).status).toBe(422);
    expect((await orgTotalsOf(orgId)).records).toBe(0);
  });
});

describe('bad input stores nothing and names the line', () => {
  const HEADER = 'start_time,end_time,project_id,num_model_requests,model,input_tokens,output_tokens';
  test.each([
    ['negative tokens', `${HEADER}\n1767225600,1767312000,p,10,gpt-4o-mini,100,-5\n`, 2],
    [
      'unknown model',
      `${HEADER}\n1767225600,1767312000,p,10,gpt-4o-mini,100,5\n1767225600,1767312000,p,10,no-such-model-9,100,5\n`,
      3,
    ],
  ])('%s', async (_name, text, line) => {
    await freshOrg('AiBad');
    const response = await upload('bad.csv', text);
    const body = (await response.json()) as { errors: { line: number; message: string }[] };
    expect(response.status).toBe(422);
    expect(body.errors.map((e) => e.line)).toContain(line);
    expect((await orgTotalsOf(orgId)).records).toBe(0);
  });

  test('a cost report (another export type) and a FOCUS file with an unknown column: line 1 error, nothing stored', async () => {
    await freshOrg('AiWrongType');
    const costs = (await (
      await upload('costs.json', readFileSync(path.join(DIR, 'openai_costs.synthetic.json'), 'utf8'))
    ).json()) as {
      errors: { line: number; message: string }[];
    };
    expect(costs.errors).toEqual([expect.objectContaining({ line: 1 })]);
    const focus = readFileSync(
      path.join(DIR, 'focus_1.2_ai_tokens_and_gpu_hours.synthetic.csv'),
      'utf8',
    ).replace('BillingAccountId,', 'BillingAccountId,ChargeColour,');
    const response = await upload('focus.csv', focus);
    const body = (await response.json()) as { errors: { line: number; message: string }[] };
    expect(response.status).toBe(422);
    expect(body.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('ChargeColour') });
    expect((await orgTotalsOf(orgId)).records).toBe(0);
  });

  test('an unknown model is a question until the organisation maps it (name alias kind model), then it lands', async () => {
    await freshOrg('AiAlias');
    const text = `${HEADER}\n1767225600,1767312000,p,10,gpt-4o-mini,100,5\n1767225600,1767312000,p,10,our-support-bot,100,50\n`;
    const asked = (await (await upload('bot.csv', text)).json()) as {
      errors: { line: number; message: string }[];
    };
    expect(asked.errors).toEqual([
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining('"a model of N billion parameters"'),
      }),
    ]);
    const alias = (target: string) =>
      postAlias(
        new Request('http://localhost/api/v1/name-aliases', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'model', alias: 'our-support-bot', target }),
        }),
      );
    expect((await alias('gpt-9-imaginary')).status).toBe(400);
    expect((await alias('8B')).status).toBe(201);
    expect((await upload('bot.csv', text)).status).toBe(201);
    const rows = (
      await getPgPool().query(
        `SELECT model, ai_model_ref FROM usage_record WHERE org_id = $1 ORDER BY model`,
        [orgId],
      )
    ).rows;
    expect(rows.map((r) => r.model)).toEqual(['gpt-4o-mini', 'our-support-bot']);
  });

  test('a FOCUS GPU row in a region of an unrecognised provider asks the region question; nothing stored', async () => {
    await freshOrg('AiFocus');
    const file = 'focus_1.2_ai_tokens_and_gpu_hours.synthetic.csv';
    const response = await upload(file, readFileSync(path.join(DIR, file), 'utf8'));
    const body = (await response.json()) as { errors: { line: number; column: string; message: string }[] };
    expect(response.status).toBe(422);
    expect(body.errors).toEqual([
      expect.objectContaining({ line: 3, column: 'region', message: expect.stringContaining('"us-east-1"') }),
    ]);
    expect((await orgTotalsOf(orgId)).records).toBe(0);
  });

  test('the upload review lists an unknown model with its rows; a size mapping (audited) resolves it and the rows land', async () => {
    await freshOrg('AiReview');
    const names = {
      accelerators: [],
      regions: [],
      models: [
        { service: 'openai', name: 'gpt-4o-mini', rows: 1 },
        { service: 'openai', name: 'review-bot', rows: 2 },
      ],
    };
    const before = await resolveUploadNames({ orgId }, names);
    expect(before.map((r) => [r.kind, r.name, r.rows, r.resolved, r.blocking, r.catalogName])).toEqual([
      ['model', 'gpt-4o-mini', 1, true, false, 'gpt-4o-mini'],
      ['model', 'review-bot', 2, false, true, null],
    ]);
    const saved = await postAlias(
      new Request('http://localhost/api/v1/name-aliases', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'model', alias: 'review-bot', target: '13B/47B' }),
      }),
    );
    expect(saved.status).toBe(201);
    const audit = await getPrisma().auditEvent.findMany({
      where: { orgId, action: 'name-alias.saved' },
      select: { metadata: true },
    });
    expect(audit).toEqual([
      { metadata: expect.objectContaining({ kind: 'model', alias: 'review-bot', target: '13B/47B' }) },
    ]);
    const after = await resolveUploadNames({ orgId }, names);
    expect(after[1]).toMatchObject({
      resolved: true,
      blocking: false,
      catalogName: 'a model of 13 billion active, 47 billion total parameters',
      matchedBy: 'Your organisation’s mapping',
    });
    const text = `${HEADER}\n1767225600,1767312000,p,10,gpt-4o-mini,100,5\n1767225600,1767312000,p,10,review-bot,100,50\n1767312000,1767398400,p,10,review-bot,200,70\n`;
    expect((await upload('review.csv', text)).status).toBe(201);
    // Tokens added by hand from the three rows: input 100 + 100 + 200, output 5 + 50 + 70.
    expect(await orgTotalsOf(orgId)).toMatchObject({ records: 3, inputTokens: 400, outputTokens: 125 });
  });

  test("the FOCUS example lands once its GPU row's region is mapped (the review's answer, through the API)", async () => {
    await freshOrg('AiFocusMapped');
    const saved = await postAlias(
      new Request('http://localhost/api/v1/name-aliases', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'region',
          alias: 'us-east-1',
          target: 'us-east-1',
          targetProvider: 'aws',
        }),
      }),
    );
    expect(saved.status).toBe(201);
    const file = 'focus_1.2_ai_tokens_and_gpu_hours.synthetic.csv';
    const response = await upload(file, readFileSync(path.join(DIR, file), 'utf8'));
    expect(response.status).toBe(201);
    // The file: one line of 310,000 gpt-4o-mini output tokens and one "8x H100" hour (8 device-hours).
    const totals = await orgTotalsOf(orgId);
    expect(totals).toMatchObject({ records: 2, inputTokens: 0, outputTokens: 310_000 });
    const gpu = await getPgPool().query(
      `SELECT accelerator_count, device_hours::float8 AS "deviceHours", region FROM usage_record
       WHERE org_id = $1 AND ai_service IS NULL`,
      [orgId],
    );
    expect(gpu.rows).toEqual([{ accelerator_count: 8, deviceHours: 8, region: 'us-east-1' }]);
  });
});
