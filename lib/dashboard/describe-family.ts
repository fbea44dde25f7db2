import { formatShare, formatTonnesCo2e } from '@/lib/format/quantities';
import type { TModelFamilyLifecycle } from './model-families';

type TFamilyFigures = Pick<
  TModelFamilyLifecycle,
  | 'trainingKgCo2e'
  | 'fineTuningKgCo2e'
  | 'inferenceKgCo2e'
  | 'retrainingKgCo2e'
  | 'inferenceOvertookOn'
  | 'monthsToOvertake'
>;

/**
 * The Models page's sentence about a family, consistent with its own figures (issue #23: it said "No training run
 * recorded…" and then gave a share of retraining after "the first training run"). Inference is compared with what
 * the family spent creating models (training + fine-tuning); the retraining sentence needs a training run.
 */
export function describeFamily(f: TFamilyFigures): string {
  const creation = f.trainingKgCo2e + f.fineTuningKgCo2e;
  const total = creation + f.inferenceKgCo2e;
  const sentences: string[] = [];
  if (f.inferenceOvertookOn) {
    const months =
      f.monthsToOvertake === null ? '' : ` about ${f.monthsToOvertake} months after the first training run`;
    sentences.push(
      `Inference has overtaken training and fine-tuning: on ${f.inferenceOvertookOn},${months}.`,
    );
  } else if (creation > 0) {
    const what = f.trainingKgCo2e > 0 ? 'training and fine-tuning' : 'fine-tuning';
    sentences.push(
      `Inference has not yet overtaken ${what} (${formatShare(f.inferenceKgCo2e / creation)} of it so far).`,
    );
  }
  if (f.trainingKgCo2e === 0) {
    sentences.push(
      f.fineTuningKgCo2e > 0
        ? 'No training run recorded in the range: the base model was trained elsewhere; only its fine-tuning is counted.'
        : 'No training or fine-tuning run recorded in the range (base models trained elsewhere).',
    );
  } else if (f.retrainingKgCo2e > 0) {
    sentences.push(
      `Retrains and fine-tunes after the first training run: ${formatTonnesCo2e(f.retrainingKgCo2e)} (${formatShare(total > 0 ? f.retrainingKgCo2e / total : 0)} of the family's total).`,
    );
  }
  return sentences.join(' ');
}
