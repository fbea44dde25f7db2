import { describe, expect, it } from 'vitest';
import { describeFamily } from './describe-family';

const base = {
  trainingKgCo2e: 0,
  fineTuningKgCo2e: 0,
  inferenceKgCo2e: 0,
  retrainingKgCo2e: 0,
  inferenceOvertookOn: null,
  monthsToOvertake: null,
};

describe('describeFamily', () => {
  it('no training run: says so, and gives no retraining share after a "first training run"', () => {
    // Fine-tuning 400 kg, inference 100 kg: 25 % of the fine-tuning. retrainingKgCo2e 400 (the fine-tune) is not
    // "after the first training run" when there is none.
    const text = describeFamily({
      ...base,
      fineTuningKgCo2e: 400,
      inferenceKgCo2e: 100,
      retrainingKgCo2e: 400,
    });
    expect(text).toBe(
      'Inference has not yet overtaken fine-tuning (25% of it so far). No training run recorded in the range: the base model was trained elsewhere; only its fine-tuning is counted.',
    );
    expect(text).not.toContain('after the first training run');
  });

  it('inference only: one sentence, no share of nothing', () => {
    expect(describeFamily({ ...base, inferenceKgCo2e: 50 })).toBe(
      'No training or fine-tuning run recorded in the range (base models trained elsewhere).',
    );
  });

  it('with training: the share against training + fine-tuning and the retraining share of the total', () => {
    // Training 1,000 + fine-tuning 200 = 1,200 kg; inference 300 kg = 25 %; retraining 200 of 1,500 kg = 13 %.
    expect(
      describeFamily({
        ...base,
        trainingKgCo2e: 1000,
        fineTuningKgCo2e: 200,
        inferenceKgCo2e: 300,
        retrainingKgCo2e: 200,
      }),
    ).toBe(
      "Inference has not yet overtaken training and fine-tuning (25% of it so far). Retrains and fine-tunes after the first training run: 0.2 tCO₂e (13% of the family's total).",
    );
  });

  it('overtaken: the date and months', () => {
    expect(
      describeFamily({
        ...base,
        trainingKgCo2e: 10,
        inferenceKgCo2e: 20,
        inferenceOvertookOn: '2026-05-01',
        monthsToOvertake: 3.5,
      }),
    ).toBe(
      'Inference has overtaken training and fine-tuning: on 2026-05-01, about 3.5 months after the first training run.',
    );
  });
});
