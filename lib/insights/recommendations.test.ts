import { describe, expect, test } from 'vitest';
import { buildRecommendations } from './recommendations';
import {
  INFERENCE_CLEAN,
  insightsInputs,
  TRAINING_DIRTY,
  TRAINING_PROFILED,
} from './testing/insights-fixture';

const scoped = (input: typeof TRAINING_DIRTY, projectSlug: string) => ({
  input,
  projectSlug,
  projectName: projectSlug.toUpperCase(),
});

describe('buildRecommendations', () => {
  const recs = buildRecommendations(
    [scoped(TRAINING_DIRTY, 'alpha'), scoped(INFERENCE_CLEAN, 'beta'), scoped(TRAINING_PROFILED, 'gamma')],
    insightsInputs(),
  );

  test('the biggest saving is moving alpha training from DIRTY to the cleanest region, ranked first', () => {
    const first = recs[0];
    // Same figures as the region-shift test: 264 − 12.1 = 251.9 kg/yr.
    // Provider codes are named as on screen (aws → AWS); the key keeps the codes.
    expect(first?.title).toBe('Move ALPHA training from AWS dirty-1 to AWS clean-1');
    expect(first?.annualSavedKgCo2e).toBeCloseTo(251.9, 9);
    // Share of the total: 264 + 5.5 + 30 = 299.5 kg → 251.9 / 299.5 = 0.84107.
    expect(first?.shareOfTotal).toBeCloseTo(251.9 / 299.5, 9);
    expect(first?.scope).toMatchObject({ projectSlug: 'alpha', phases: ['training'], region: 'dirty-1' });
    expect(first?.scenario).toEqual({ kind: 'region', provider: 'aws', region: 'clean-1' });
  });

  test('lists time-shift where a profile exists and sorts by saving', () => {
    const time = recs.find((r) => r.kind === 'time');
    // gamma: 30 kg × (1 − 100/400) = 22.5 kg. The CLEAN region move for gamma: 100 × 1.1 × 0.05 = 5.5 → 24.5 kg saved.
    expect(time?.annualSavedKgCo2e).toBeCloseTo(22.5, 9);
    expect(time?.label).toBe('historical-profile based');
    const saved = recs.map((r) => r.annualSavedKgCo2e);
    expect(saved).toEqual([...saved].sort((a, b) => b - a));
    expect(new Set(recs.map((r) => r.key)).size).toBe(recs.length);
  });

  test('inference gets the INT8 estimate only when it clears the noise threshold (5.5 kg × 35 % < 10 kg)', () => {
    expect(recs.find((r) => r.kind === 'compression')).toBeUndefined();
  });
});
