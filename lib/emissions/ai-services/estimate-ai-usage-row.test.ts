import { describe, expect, test } from 'vitest';
import { parseLlmModelRepository } from '@/lib/factors/parse-llm-model-repository';
import { ensureIndexed } from '../index-factor-library';
import { fixtureLibrary } from '../testing/fixture-library';
import { estimateAiUsageRow, type TAiUsageEstimateRow } from './estimate-ai-usage-row';
import { findModelInDescription, resolveLlmModel } from './resolve-llm-model';
import { createZoneOfRegion } from './zone-of-region';

// A small repository in the bundled files' formats: a name shared by two providers, a closed MoE model.
const repository = parseLlmModelRepository({
  modelsJson: JSON.stringify({
    aliases: [{ type: 'alias', provider: 'openai', name: 'gpt-x-latest', alias: 'gpt-x' }],
    models: [
      {
        type: 'model',
        provider: 'openai',
        name: 'm-small',
        architecture: { type: 'dense', parameters: 8 },
        warnings: null,
      },
      {
        type: 'model',
        provider: 'mistralai',
        name: 'm-small',
        architecture: { type: 'dense', parameters: 8 },
        warnings: null,
      },
      {
        type: 'model',
        provider: 'openai',
        name: 'gpt-x',
        architecture: { type: 'moe', parameters: { total: 440, active: { min: 44, max: 132 } } },
        warnings: ['model-arch-not-released'],
      },
    ],
  }),
  electricityMixesCsv: 'name,adpe,pe,gwp,wue\nUSA,1e-7,9,0.4,3\nSWE,1e-7,4,0.04,6\n',
  providersCsv:
    'provider,default_zone,pue_min,pue_max,wue_onsite_l_per_kwh_min,wue_onsite_l_per_kwh_max\nopenai,USA,1.2,1.2,0.5,0.5\nmistralai,SWE,1.16,1.16,0.09,0.09\n',
  serviceProvidersCsv:
    'provider,label,ecologits_provider\nopenai,OpenAI API,openai\nmistral,Mistral AI,mistralai\nazure-openai,Azure OpenAI,openai\naws-bedrock,Amazon Bedrock,\n',
  modelAliasesCsv: 'ecologits_provider,alias,model,reason\nopenai,gpt-x-family,gpt-x,test\n',
});

const row = (over: Partial<TAiUsageEstimateRow> = {}): TAiUsageEstimateRow => ({
  line: 2,
  provider: 'openai',
  modelRaw: 'm-small',
  modelLookup: { kind: 'name', provider: 'openai', name: 'm-small' },
  inputTokens: 0,
  outputTokens: 1000,
  requests: null,
  meanLatencyS: null,
  region: null,
  quantityBasis: 'metered',
  ...over,
});

describe('estimateAiUsageRow', () => {
  test('8B dense, 1,000 output tokens, no latency: 1.2 × 1,000 × (4.5085e-8 + 2.9209e-8) kWh', () => {
    // Per-token GPU and host terms at 8B active, B = 64 (EcoLogits 0.9.1 constants, by hand in the method note).
    const r = estimateAiUsageRow(repository, row());
    if (!r.ok) {
      throw new Error(r.message);
    }
    expect(r.footprint.energyKwh / (1.2 * 1000 * (4.5085e-8 + 2.9209e-8))).toBeCloseTo(1, 4);
    expect(r.footprint.locationIntensity).toEqual({
      zone: 'USA',
      gCo2ePerKwh: 400,
      source: 'ecologits-electricity-mix',
    });
    expect(r.footprint.flags).toEqual(['AI_LOCATION_PROVIDER_DEFAULT', 'AI_LATENCY_UNKNOWN']);
  });

  test('aliases (upstream and ours) resolve to the same record; names are case-insensitive', () => {
    for (const name of ['gpt-x-latest', 'gpt-x-family', 'GPT-X']) {
      const r = resolveLlmModel(repository, 'openai', name);
      expect(r.kind === 'model' && r.model.name).toBe('gpt-x');
    }
  });

  test('a name of two providers needs the provider; an unknown provider is named', () => {
    expect(resolveLlmModel(repository, null, 'm-small')).toMatchObject({ kind: 'ambiguous' });
    expect(resolveLlmModel(repository, 'mistralai', 'm-small')).toMatchObject({ kind: 'model' });
    const r = estimateAiUsageRow(repository, row({ provider: 'acme' }));
    expect(r).toMatchObject({
      ok: false,
      column: 'provider',
      message: expect.stringMatching(/unknown provider "acme"/),
    });
    expect(resolveLlmModel(repository, 'acme', 'm-small')).toMatchObject({ kind: 'unknown-provider' });
  });

  test('billing descriptions: the longest repository name in the text; none → a question', () => {
    expect(findModelInDescription(repository, 'SYNTHETIC GPT-X Family output tokens')?.name).toBe('gpt-x');
    const r = estimateAiUsageRow(
      repository,
      row({
        modelRaw: 'Some other model output tokens',
        modelLookup: { kind: 'description', provider: 'openai' },
        quantityBasis: 'priced',
      }),
    );
    expect(r).toMatchObject({
      ok: false,
      column: 'model',
      message: expect.stringMatching(/no model of the repository is named/),
    });
    const found = estimateAiUsageRow(
      repository,
      row({
        modelRaw: 'gpt-x output tokens',
        modelLookup: { kind: 'description', provider: null },
        quantityBasis: 'priced',
      }),
    );
    expect(found.ok && found.footprint.flags).toEqual(
      expect.arrayContaining(['AI_PRICED_QUANTITY', 'AI_MODEL_SIZE_ESTIMATED']),
    );
  });

  test('the region mapped to a zone replaces the provider default; an unknown zone is a row error', () => {
    const r = estimateAiUsageRow(
      repository,
      row({ provider: 'azure-openai', region: 'swedencentral' }),
      () => 'SWE',
    );
    expect(r.ok && r.footprint.locationIntensity.zone).toBe('SWE');
    expect(r.ok && r.footprint.flags).not.toContain('AI_LOCATION_PROVIDER_DEFAULT');
    expect(estimateAiUsageRow(repository, row({ overrides: { zone: 'ATL' } }))).toMatchObject({
      ok: false,
      column: 'zone',
    });
  });

  test('a model size without a provider needs the site factors on the row', () => {
    const sized = row({
      provider: null,
      modelRaw: '',
      modelLookup: { kind: 'name', provider: null, name: '' },
    });
    expect(estimateAiUsageRow(repository, { ...sized, overrides: { activeParamsB: 8 } })).toMatchObject({
      ok: false,
      column: 'provider',
    });
    const r = estimateAiUsageRow(repository, {
      ...sized,
      overrides: {
        activeParamsB: 8,
        pue: 1.2,
        wueOnsiteLPerKwh: 0,
        gridKgCo2ePerKwh: 0.5,
        gridWaterLPerKwh: 0,
      },
    });
    expect(r.ok && r.model).toBe('8B');
    expect(r.ok && r.footprint.locationIntensity).toEqual({ zone: null, gCo2ePerKwh: 500, source: 'row' });
    expect(r.ok && r.footprint.flags).toContain('AI_MODEL_SIZE_USER_GIVEN');
  });

  test('a Bedrock row (no profile of its own) takes the vendor of its model id', () => {
    const r = estimateAiUsageRow(
      repository,
      row({ provider: 'aws-bedrock', modelLookup: { kind: 'name', provider: 'mistral', name: 'm-small' } }),
    );
    expect(r.ok && r.footprint.locationIntensity.zone).toBe('SWE');
  });
});

describe('createZoneOfRegion', () => {
  const library = ensureIndexed({
    ...fixtureLibrary(),
    countries: [{ alpha2: 'ZZ', alpha3: 'ZZZ', names: [] }],
  });
  const zoneOf = createZoneOfRegion(library);
  test('a cloud region → its country → the alpha-3 mix zone; unknown regions and countries → null', () => {
    expect(zoneOf('aws-bedrock', 'test-1')).toBe('ZZZ');
    // The zone ZZ-B of a region without a country gives the country ZZ.
    expect(zoneOf('google-vertex', 'only-gcp')).toBe('ZZZ');
    expect(createZoneOfRegion(ensureIndexed(fixtureLibrary()))('aws-bedrock', 'test-1')).toBeNull();
    expect(zoneOf('openai', 'nowhere-9')).toBeNull();
  });
});

describe('stated site overrides are flagged (issue #21 worked examples)', () => {
  test('a stated zone gives its mix (SWE 0.04 kg/kWh) and the flag; PUE and WUE stated are flagged too', () => {
    const result = estimateAiUsageRow(
      repository,
      row({ overrides: { zone: 'SWE', pue: 1.5, wueOnsiteLPerKwh: 0.2 } }),
    );
    if (!result.ok) {
      throw new Error(result.message);
    }
    // The SWE mix of the repository above: 0.04 kg CO2e/kWh = 40 g/kWh; the PUE 1.5 replaces openai's 1.2.
    expect(result.footprint.locationIntensity).toMatchObject({ zone: 'SWE', gCo2ePerKwh: 40 });
    expect(result.footprint.pue).toEqual({ min: 1.5, max: 1.5 });
    expect(result.footprint.flags).toEqual(
      expect.arrayContaining(['AI_MIX_ZONE_STATED', 'AI_PUE_STATED', 'AI_WUE_STATED']),
    );
    expect(result.footprint.flags).not.toContain('AI_GRID_MIX_STATED');
    expect(result.footprint.flags).not.toContain('AI_LOCATION_PROVIDER_DEFAULT');
  });

  test('a row without overrides carries none of the stated flags', () => {
    const result = estimateAiUsageRow(repository, row());
    if (!result.ok) {
      throw new Error(result.message);
    }
    expect(result.footprint.flags.filter((f) => f.endsWith('_STATED'))).toEqual([]);
  });
});
