import { describe, expect, it } from 'vitest';
import {
  aiServiceLabel,
  factorKindLabel,
  humanizeCode,
  intensitySourceLabel,
  phaseLabel,
  roleLabel,
} from './labels';

describe('human labels', () => {
  it('names phases, factor kinds, roles and intensity sources in words', () => {
    expect(phaseLabel('data_processing')).toBe('Data processing');
    expect(phaseLabel('fine_tuning')).toBe('Fine-tuning');
    expect(factorKindLabel('accelerator-embodied')).toBe('Accelerator embodied emissions');
    expect(roleLabel('auditor')).toBe('Auditor');
    expect(intensitySourceLabel('nearest-year')).toBe('nearest year’s grid average');
  });

  it('turns an unknown code into words instead of showing it raw', () => {
    expect(humanizeCode('NEW_THING')).toBe('New thing');
    expect(phaseLabel('batch_scoring')).toBe('Batch scoring');
    expect(factorKindLabel('grid-forecast')).toBe('Grid forecast');
  });
});

describe('AI service labels', () => {
  // Names as in reference/ai-services/providers.csv.
  const names = new Map([
    ['azure-openai', 'Azure OpenAI'],
    ['aws-bedrock', 'Amazon Bedrock'],
  ]);

  it('names a listed service, and never shows a code of an unlisted one', () => {
    expect(aiServiceLabel('azure-openai', names)).toBe('Azure OpenAI');
    expect(aiServiceLabel('aws-bedrock', names)).toBe('Amazon Bedrock');
    expect(aiServiceLabel('new-llm-cloud', names)).toBe('New llm cloud');
    expect(aiServiceLabel('other', names)).toBe('Other AI service');
    expect(aiServiceLabel('azure-openai')).toBe('Azure openai');
  });
});
