import { describe, expect, test } from 'vitest';
import type { FactorRef } from '@/lib/emissions/footprint-types';
import { aiFactorSource, aiFormulaInputOf } from './ai-record-provenance';

const pue: FactorRef = {
  id: 'row',
  kind: 'pue',
  value: 1.2,
  unit: 'ratio',
  source: 'usage record',
  datasetVersion: 'row',
};
const wue: FactorRef = { ...pue, kind: 'wue', value: 0.683, unit: 'L/kWh' };
const grid: FactorRef = {
  id: 'g',
  kind: 'grid-intensity',
  value: 414,
  unit: 'gCO2e/kWh',
  source: 'Electricity Maps',
  datasetVersion: 'v1',
};

describe('AI record provenance on the record page (issue #21)', () => {
  test('only AI records get an AI formula input; the energy range and token split come from the record', () => {
    expect(
      aiFormulaInputOf({
        aiService: null,
        aiModelRef: null,
        inputTokens: null,
        outputTokens: null,
        sourceData: {},
      }),
    ).toBeNull();
    expect(
      aiFormulaInputOf({
        aiService: 'openai',
        aiModelRef: 'gpt-4o@ecologits-0.9.1',
        inputTokens: 10,
        outputTokens: 5,
        sourceData: { aiEnergyRange: [0.3, 0.5] },
      }),
    ).toEqual({
      modelRef: 'gpt-4o@ecologits-0.9.1',
      inputTokens: 10,
      outputTokens: 5,
      energyRange: [0.3, 0.5],
      onDevice: false,
    });
    const shipped = aiFormulaInputOf({
      aiService: 'edge-sold-products',
      aiModelRef: 'phi-3@edge-phone',
      inputTokens: 0,
      outputTokens: 5,
      sourceData: null,
    });
    expect(shipped?.onDevice).toBe(true);
    expect(shipped?.energyRange).toBeNull();
  });

  test("the method's PUE and WUE read as the provider profile, or as stated on the row when flagged", () => {
    expect(aiFactorSource(pue, [], 'EcoLogits 0.9.1')).toBe(
      'provider profile of the AI-services method (EcoLogits 0.9.1)',
    );
    expect(aiFactorSource(pue, ['AI_PUE_STATED'], 'EcoLogits 0.9.1')).toBe('stated on the usage row');
    expect(aiFactorSource(wue, [], 'EcoLogits 0.9.1')).toBe(
      'provider profile of the AI-services method (EcoLogits 0.9.1), converted to IT energy (method WUE × PUE)',
    );
    expect(aiFactorSource(wue, ['AI_WUE_STATED'], null)).toBe('stated on the usage row');
    expect(aiFactorSource(grid, [], 'EcoLogits 0.9.1')).toBe('Electricity Maps');
  });
});
