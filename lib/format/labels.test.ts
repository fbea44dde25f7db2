import { describe, expect, it } from 'vitest';
import { factorKindLabel, humanizeCode, intensitySourceLabel, phaseLabel, roleLabel } from './labels';

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
