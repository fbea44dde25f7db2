import { expect, test } from 'vitest';
import { buildModelLifecycles } from './model-lifecycle';

test('cumulative footprint per phase and the day inference overtook training', () => {
  const [m] = buildModelLifecycles(
    [
      { id: 'r1', model: 'm', phase: 'training', day: '2026-01-01', locationKgCo2e: 1000 },
      { id: 'r2', model: 'm', phase: 'fine_tuning', day: '2026-02-01', locationKgCo2e: 200 },
      { id: 'r3', model: 'm', phase: 'training', day: '2026-03-01', locationKgCo2e: 500 },
    ],
    [
      { model: 'm', day: '2026-01-10', locationKgCo2e: 600 },
      { model: 'm', day: '2026-02-10', locationKgCo2e: 700 },
      { model: 'm', day: '2026-03-10', locationKgCo2e: 600 },
    ],
  );
  expect(m?.trainingKgCo2e).toBe(1500);
  expect(m?.fineTuningKgCo2e).toBe(200);
  expect(m?.inferenceKgCo2e).toBe(1900);
  // 2026-02-10: inference 1300 > training 1000 + fine-tuning 200.
  expect(m?.inferenceOvertookOn).toBe('2026-02-10');
  // Everything after the first training run: the fine-tune and the retrain.
  expect(m?.retrainingKgCo2e).toBe(700);
  expect(m?.series.map((p) => p.day)).toEqual([
    '2026-01-01',
    '2026-01-10',
    '2026-02-01',
    '2026-02-10',
    '2026-03-01',
    '2026-03-10',
  ]);
  expect(m?.series.at(-1)).toEqual({ day: '2026-03-10', trainingT: 1.5, fineTuningT: 0.2, inferenceT: 1.9 });
});

test('no overtake without training, and models sorted by total footprint', () => {
  const models = buildModelLifecycles(
    [{ id: 'r', model: 'small', phase: 'training', day: '2026-01-01', locationKgCo2e: 10 }],
    [
      { model: 'api-only', day: '2026-01-01', locationKgCo2e: 50 },
      { model: 'small', day: '2026-01-02', locationKgCo2e: 5 },
    ],
  );
  expect(models.map((m) => m.model)).toEqual(['api-only', 'small']);
  expect(models[0]?.inferenceOvertookOn).toBeNull();
  expect(models[1]?.inferenceOvertookOn).toBeNull();
  expect(models[1]?.retrainingKgCo2e).toBe(0);
});
