import { describe, expect, test } from 'vitest';
import { buildModelFamilies, familyOf, type TModelLineage } from './model-families';
import type { TLifecycleInferenceDay, TLifecycleRun } from './model-lifecycle';

const LINEAGE: TModelLineage[] = [
  { model: 'llm-7b', family: 'llm', baseModel: null },
  { model: 'llm-13b', family: 'llm', baseModel: null },
  { model: 'support-7b', family: 'llm', baseModel: 'llm-7b' },
];

const runs: TLifecycleRun[] = [
  { id: 'r1', model: 'llm-7b', phase: 'training', day: '2026-01-01', locationKgCo2e: 1000 },
  { id: 'r2', model: 'support-7b', phase: 'fine_tuning', day: '2026-02-01', locationKgCo2e: 100 },
  { id: 'r3', model: 'llm-13b', phase: 'training', day: '2026-03-01', locationKgCo2e: 500 },
  { id: 'r4', model: 'other', phase: 'training', day: '2026-01-10', locationKgCo2e: 10 },
];
const inference: TLifecycleInferenceDay[] = [
  { model: 'llm-7b', day: '2026-02-15', locationKgCo2e: 700 },
  { model: 'support-7b', day: '2026-04-01', locationKgCo2e: 600 },
  { model: 'support-7b', day: '2026-05-01', locationKgCo2e: 400 },
];

describe('[models] families and lineage', () => {
  test('family: declared, else inherited from a declared base, else the model itself; cycles stop', () => {
    const map = new Map<string, TModelLineage>([
      ['a', { model: 'a', family: '', baseModel: 'b' }],
      ['b', { model: 'b', family: 'fam', baseModel: null }],
      ['x', { model: 'x', family: '', baseModel: 'y' }],
      ['y', { model: 'y', family: '', baseModel: 'x' }],
    ]);
    expect(familyOf('a', map)).toBe('fam');
    expect(familyOf('x', map)).toBe('x');
    expect(familyOf('unknown', map)).toBe('unknown');
  });

  test('a family adds training of its bases, fine-tunes and inference of every member', () => {
    const [llm, other] = buildModelFamilies(runs, inference, LINEAGE);
    expect(llm?.family).toBe('llm');
    expect(llm?.trainingKgCo2e).toBe(1500);
    expect(llm?.fineTuningKgCo2e).toBe(100);
    expect(llm?.inferenceKgCo2e).toBe(1700);
    // Cumulative training + fine-tuning: 1,100 by Feb, 1,600 from 1 Mar; inference 700 → 1,300 (1 Apr) → 1,700 (1 May).
    expect(llm?.inferenceOvertookOn).toBe('2026-05-01');
    expect(llm?.daysToOvertake).toBe(120);
    expect(llm?.monthsToOvertake).toBe(3.9);
    // Runs after the first training: the fine-tune and the 13b pre-training (continuous retraining cost).
    expect(llm?.retrainingKgCo2e).toBe(600);
    expect(other).toMatchObject({ family: 'other', inferenceOvertookOn: null, monthsToOvertake: null });
  });

  test('members are listed as a lineage tree with depth', () => {
    const [llm] = buildModelFamilies(runs, inference, LINEAGE);
    expect(llm?.members.map((m) => [m.model, m.depth, m.baseModel])).toEqual([
      ['llm-13b', 0, null],
      ['llm-7b', 0, null],
      ['support-7b', 1, 'llm-7b'],
    ]);
    expect(llm?.members.find((m) => m.model === 'support-7b')?.inferenceKgCo2e).toBe(1000);
  });
});
