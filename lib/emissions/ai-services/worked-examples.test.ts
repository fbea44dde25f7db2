import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseLlmModelRepository } from '@/lib/factors/parse-llm-model-repository';
import { estimateAiServiceUsage, providerSite } from './estimate-ai-service-usage';
import { estimateLlmImpacts, type TLlmImpacts } from './estimate-llm-impacts';
import { resolveLlmModel } from './resolve-llm-model';
import { type TValueRange, toRange } from './value-range';

// The 6 worked examples of reference/ecologits/worked_examples.json: outputs computed by running the upstream
// EcoLogits 0.9.1 functions (not our code), so they are independent expected values. Required: 0.1 %.
const REFERENCE = path.resolve(import.meta.dirname, '../../../reference');
const read = (...p: string[]) => readFileSync(path.join(REFERENCE, ...p), 'utf8');
const fixture = JSON.parse(read('ecologits', 'worked_examples.json'));
const repository = parseLlmModelRepository({
  modelsJson: read('ecologits', 'models.json'),
  electricityMixesCsv: read('ecologits', 'electricity_mixes.csv'),
  providersCsv: read('ecologits', 'providers.csv'),
  serviceProvidersCsv: read('ai-services', 'providers.csv'),
  modelAliasesCsv: read('ai-services', 'model-aliases.csv'),
});
const TOLERANCE = 1e-3;

type TNumberOrRange = number | TValueRange;
function expectClose(actual: TValueRange, expected: TNumberOrRange, label: string) {
  const want = toRange(expected);
  for (const key of ['min', 'max'] as const) {
    const rel = Math.abs(actual[key] - want[key]) / Math.abs(want[key]);
    expect(rel, `${label}.${key}: ${actual[key]} vs ${want[key]}`).toBeLessThan(TOLERANCE);
  }
}

function expectOutputs(impacts: TLlmImpacts, outputs: Record<string, never>) {
  const o = outputs as unknown as {
    energy_kwh: TNumberOrRange;
    gwp_kgco2eq: TNumberOrRange;
    adpe_kgsbeq: TNumberOrRange;
    pe_mj: TNumberOrRange;
    wcf_l: TNumberOrRange;
    usage: Record<string, TNumberOrRange>;
    embodied: Record<string, TNumberOrRange>;
  };
  expectClose(impacts.energyKwh, o.energy_kwh, 'energy');
  expectClose(impacts.gwpKg, o.gwp_kgco2eq, 'gwp');
  expectClose(impacts.adpeKgSb, o.adpe_kgsbeq, 'adpe');
  expectClose(impacts.peMj, o.pe_mj, 'pe');
  expectClose(impacts.waterL, o.wcf_l, 'wcf');
  expectClose(impacts.usage.gwpKg, o.usage.gwp_kgco2eq as TNumberOrRange, 'usage.gwp');
  expectClose(impacts.usage.adpeKgSb, o.usage.adpe_kgsbeq as TNumberOrRange, 'usage.adpe');
  expectClose(impacts.usage.peMj, o.usage.pe_mj as TNumberOrRange, 'usage.pe');
  expectClose(impacts.embodied.gwpKg, o.embodied.gwp_kgco2eq as TNumberOrRange, 'embodied.gwp');
  expectClose(impacts.embodied.adpeKgSb, o.embodied.adpe_kgsbeq as TNumberOrRange, 'embodied.adpe');
  expectClose(impacts.embodied.peMj, o.embodied.pe_mj as TNumberOrRange, 'embodied.pe');
}

describe('EcoLogits 0.9.1 worked examples (reference/ecologits/worked_examples.json)', () => {
  test('the fixture holds the 6 examples', () => {
    expect(fixture.examples).toHaveLength(6);
  });

  for (const example of fixture.examples.filter((e: { inputs: object }) => !('provider' in e.inputs))) {
    test(`${example.id}: compute_llm_impacts row reproduced (outputs and intermediates)`, () => {
      const i = example.inputs;
      const impacts = estimateLlmImpacts({
        activeParamsB: i.model_active_parameter_count,
        totalParamsB: i.model_total_parameter_count,
        outputTokens: i.output_token_count,
        requestLatencyS: i.request_latency,
        mix: {
          gwpKgPerKwh: i.if_electricity_mix_gwp,
          adpeKgSbPerKwh: i.if_electricity_mix_adpe,
          peMjPerKwh: i.if_electricity_mix_pe,
          wueOffsiteLPerKwh: i.if_electricity_mix_wue,
        },
        pue: i.datacenter_pue,
        wueOnsiteLPerKwh: i.datacenter_wue,
      });
      expectOutputs(impacts, example.outputs);
      const [run] = impacts.runs;
      const m = example.intermediate;
      expect(run.gpuCount).toBe(m.gpu_required_count);
      expectClose({ min: run.gpuEnergyKwh, max: run.gpuEnergyKwh }, m.gpu_energy, 'gpu_energy');
      expectClose(
        { min: run.generationLatencyS, max: run.generationLatencyS },
        m.generation_latency,
        'latency',
      );
      expectClose({ min: run.modelMemoryGb, max: run.modelMemoryGb }, m.model_required_memory, 'memory');
      expectClose({ min: run.serverEnergyKwh, max: run.serverEnergyKwh }, m.server_energy, 'server_energy');
      expect(run.serverGpuEmbodiedGwpKg).toBeCloseTo(m.server_gpu_embodied_gwp, 9);
    });
  }

  for (const example of fixture.examples.filter((e: { inputs: object }) => 'provider' in e.inputs)) {
    test(`${example.id}: llm_impacts through the repository lookup and the provider profile`, () => {
      const i = example.inputs;
      const resolved = resolveLlmModel(repository, i.provider, i.model_name);
      if (resolved.kind !== 'model') {
        throw new Error(resolved.message);
      }
      const profile = repository.profiles.get(resolved.model.provider);
      if (!profile) {
        throw new Error('no profile');
      }
      // The repository and profile give the inputs the fixture lists as resolved upstream.
      expectClose(resolved.model.totalParamsB, i.resolved.total_params_b, 'total params');
      expectClose(resolved.model.activeParamsB, i.resolved.active_params_b, 'active params');
      expectClose(profile.pue, i.resolved.datacenter_pue, 'pue');
      expectClose(profile.wueOnsiteLPerKwh, i.resolved.datacenter_wue, 'wue');
      expect(profile.defaultZone).toBe(i.resolved.zone);
      const site = providerSite(profile, repository.electricityMixes);
      if (!site) {
        throw new Error('no mix');
      }
      expect(site.mix.gwpKgPerKwh).toBe(i.resolved.mix_gwp_kg_per_kwh);
      const impacts = estimateLlmImpacts({
        activeParamsB: resolved.model.activeParamsB,
        totalParamsB: resolved.model.totalParamsB,
        outputTokens: i.output_token_count,
        requestLatencyS: i.request_latency,
        mix: site.mix,
        pue: site.pue,
        wueOnsiteLPerKwh: site.wueOnsiteLPerKwh,
      });
      expectOutputs(impacts, example.outputs);
      const runs = example.intermediate_min_and_max_parameter_runs;
      impacts.runs.forEach((run, k) => {
        expect(run.gpuCount).toBe(runs[k].gpu_required_count);
        expectClose(
          { min: run.generationLatencyS, max: run.generationLatencyS },
          runs[k].generation_latency,
          'latency',
        );
        expectClose(run.requestEnergyKwh, runs[k].request_energy, 'request_energy');
      });
      const warnings: string[] = example.warnings;
      expect(resolved.model.sizeEstimated).toBe(warnings.includes('model-arch-not-released'));
      expect(resolved.model.multimodal).toBe(warnings.includes('model-arch-multimodal'));
    });
  }

  test('usage rows: the same request as a per-request row (latency given) gives the example range', () => {
    // Example D: gpt-4o-mini, 500 output tokens, 2 s. As a row of 10 requests × 500 tokens with a 2 s mean latency
    // the result is 10 × the example's per-request range (2.8613e-5 – 3.5446e-5 kWh).
    const d2 = fixture.examples.find((e: { id: string }) => e.id === 'openai-gpt-4o-mini-500tok-2s');
    const resolved = resolveLlmModel(repository, 'openai', 'gpt-4o-mini');
    const profile = repository.profiles.get('openai');
    if (resolved.kind !== 'model' || !profile) {
      throw new Error('lookup');
    }
    const site = providerSite(profile, repository.electricityMixes);
    if (!site) {
      throw new Error('no mix');
    }
    const fp = estimateAiServiceUsage(
      { outputTokens: 5000, inputTokens: 12000, requests: 10, meanLatencyS: 2 },
      resolved.model,
      site,
    );
    expectClose(
      fp.energyKwhRange,
      { min: d2.outputs.energy_kwh.min * 10, max: d2.outputs.energy_kwh.max * 10 },
      'energy',
    );
    expectClose(
      fp.totalKgCo2eRange,
      { min: d2.outputs.gwp_kgco2eq.min * 10, max: d2.outputs.gwp_kgco2eq.max * 10 },
      'gwp',
    );
    expect(fp.flags).toEqual(
      expect.arrayContaining([
        'AI_MODEL_SIZE_ESTIMATED',
        'AI_INPUT_TOKENS_NOT_COUNTED',
        'AI_LOCATION_PROVIDER_DEFAULT',
      ]),
    );
    expect(fp.flags).not.toContain('AI_LATENCY_UNKNOWN');
  });
});
