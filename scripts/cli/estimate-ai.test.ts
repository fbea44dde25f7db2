import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

/**
 * `footprint estimate` on AI-service usage (issue #21): the 6 EcoLogits worked examples as rows of the AI usage
 * template (expected values: reference/ecologits/worked_examples.json, computed by running upstream EcoLogits), an
 * export file per format family with hand-derived energy, and unknown names as row questions (exit 1).
 */
const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const examples = JSON.parse(
  readFileSync(path.join(root, 'reference/ecologits/worked_examples.json'), 'utf8'),
).examples;

async function footprint(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      'npx',
      ['tsx', '--conditions=react-server', 'scripts/footprint.ts', ...args],
      {
        cwd: root,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

type TRange = { min: number; max: number };
const asRange = (v: number | TRange): TRange => (typeof v === 'number' ? { min: v, max: v } : v);
function expectWithin(actual: TRange, expected: number | TRange, label: string) {
  const want = asRange(expected);
  for (const k of ['min', 'max'] as const) {
    expect(Math.abs(actual[k] - want[k]) / want[k], `${label}.${k}`).toBeLessThan(1e-3);
  }
}

describe('footprint estimate: AI-service usage', { timeout: 60_000 }, () => {
  test('the 6 worked examples as template rows reproduce energy, CO2e and water to 0.1 %', async () => {
    const { code, stdout } = await footprint(
      'estimate',
      'scripts/cli/fixtures/ai-worked-examples.csv',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.format).toBe('AI usage template');
    expect(report.rows).toHaveLength(6);
    report.rows.forEach(
      (
        row: {
          energyKwhRange: TRange;
          totalKgCo2eRange: TRange;
          usageKgCo2eRange: TRange;
          embodiedKgCo2eRange: TRange;
          waterLRange: TRange;
        },
        i: number,
      ) => {
        const out = examples[i].outputs;
        expectWithin(row.energyKwhRange, out.energy_kwh, `${examples[i].id} energy`);
        expectWithin(row.totalKgCo2eRange, out.gwp_kgco2eq, `${examples[i].id} gwp`);
        expectWithin(row.usageKgCo2eRange, out.usage.gwp_kgco2eq, `${examples[i].id} usage gwp`);
        expectWithin(row.embodiedKgCo2eRange, out.embodied.gwp_kgco2eq, `${examples[i].id} embodied gwp`);
        expectWithin(row.waterLRange, out.wcf_l, `${examples[i].id} water`);
      },
    );
    // Closed models are flagged as size estimated; the test rows with a given size are flagged as such.
    expect(report.rows[0].flags).toContain('AI_MODEL_SIZE_USER_GIVEN');
    // The stated site of the test rows (PUE 1.26, WUE 0.37, the test's own mix) is flagged as stated.
    expect(report.rows[0].flags).toEqual(
      expect.arrayContaining(['AI_PUE_STATED', 'AI_WUE_STATED', 'AI_GRID_MIX_STATED']),
    );
    expect(report.rows[2].flags).not.toContain('AI_PUE_STATED');
    expect(report.rows[3].flags).toContain('AI_MODEL_SIZE_ESTIMATED');
    expect(report.rows[4].flags).not.toContain('AI_MODEL_SIZE_ESTIMATED');
  });

  test('text output prints energy, CO2e and water with ranges', async () => {
    const { code, stdout } = await footprint('estimate', 'scripts/cli/fixtures/ai-worked-examples.csv');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Facility energy .* kWh {2}\(range .* – .*\)/);
    expect(stdout).toMatch(/Location-based .* kg CO2e {2}\(range/);
    expect(stdout).toMatch(/Water .* L on-site, .* L off-site/);
    // Per row: the usage / embodied split and the water of the EcoLogits outputs. Example A (mistral-7b):
    // usage 9.071e-6, embodied 7.238e-7 kg CO2e, water 1.032e-4 L (3 significant digits printed).
    expect(stdout).toContain(
      'usage 0.00000907 kg CO2e (0.00000907 – 0.00000907), embodied 0.000000724 kg CO2e (0.000000724 – 0.000000724), water 0.000103 L',
    );
  });

  test('Azure Monitor export: 310,000 gpt-4o-mini output tokens at the per-token energy of worked example D', async () => {
    // Example D (500 tokens, latency 100 s not reached): 4.4576292e-5 – 5.6710109e-5 kWh. With no latency the
    // method is linear in output tokens, so 310,000 tokens = 620 × example D.
    const { code, stdout } = await footprint(
      'estimate',
      'tests/fixtures/usage-exports/azure_monitor_openai_metrics.synthetic.csv',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.totals.outputTokens).toBe(310_000);
    expect(report.totals.inputTokens).toBe(1_250_000);
    expectWithin(
      report.totals.energyKwhRange,
      { min: 620 * 4.4576292276544365e-5, max: 620 * 5.6710108995139104e-5 },
      'energy',
    );
    expect(report.rows[0].flags).toContain('AI_INPUT_TOKENS_NOT_COUNTED');
  });

  test('every example export is accepted; billing GPU rows go through the instance catalog', async () => {
    const cur = JSON.parse(
      (
        await footprint(
          'estimate',
          'tests/fixtures/usage-exports/aws_cur2_bedrock_and_gpu.synthetic.csv',
          '--json',
        )
      ).stdout,
    );
    expect(cur.errors).toEqual([]);
    expect(cur.gpu.records).toHaveLength(1);
    expect(cur.gpu.resolutions[0]).toMatchObject({
      kind: 'instanceType',
      name: 'p5.48xlarge',
      acceleratorsPerInstance: 8,
    });
    const azure = JSON.parse(
      (
        await footprint(
          'estimate',
          'tests/fixtures/usage-exports/azure_cost_export_focus.synthetic.csv',
          '--json',
        )
      ).stdout,
    );
    // swedencentral → Sweden → the SWE mix of the model repository (0.03582 kg/kWh).
    expect(azure.rows[0]).toMatchObject({
      gridZone: 'SWE',
      intensityGCo2ePerKwh: 35.82,
      inputTokens: 1_250_000,
    });
  });

  test('an unknown model or provider is a row question, not a guess (exit 1)', async () => {
    const { code, stdout } = await footprint(
      'estimate',
      'scripts/cli/fixtures/ai-unknown-model.csv',
      '--json',
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.rows).toHaveLength(1);
    expect(report.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'model',
        message: expect.stringMatching(
          /"gpt-9-ultra" .* is not in the model repository .* "a model of N billion parameters"/,
        ),
      }),
      expect.objectContaining({
        line: 4,
        column: 'provider',
        message: expect.stringMatching(/unknown provider "acme"/),
      }),
    ]);
  });

  test('a cost report is refused with exit 1', async () => {
    const { code, stdout } = await footprint(
      'estimate',
      'tests/fixtures/usage-exports/openai_costs.synthetic.json',
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/OpenAI costs report \(money, no tokens\)/);
  });
});
