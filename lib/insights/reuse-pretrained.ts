import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { COST_ASSUMPTION } from './electricity-price';
import { scaledEstimate } from './scaled-estimate';
import type { TInsightInputs, TRecords, TScenarioResult } from './types';

/**
 * Fine-tuning compute as a share of pre-training compute. Low end: Stanford Alpaca fine-tuned LLaMA-7B in
 * 3 h on 8 A100 = 24 GPU-h, vs 82,432 GPU-h to pre-train LLaMA-7B (Touvron et al. 2023, Table 15):
 * 24 / 82,432 = 0.03 %. High end 10 %: AI Footprint judgement for long continued pre-training or full
 * fine-tuning on large corpora. Central default 1 %.
 */
export const FINE_TUNE_SHARE = { low: 0.0003, central: 0.01, high: 0.1 } as const;

/** Training from scratch replaced by fine-tuning a pre-trained model: training rows keep `share` of their work. */
export function reusePretrainedScenario(
  records: TRecords,
  params: { fineTuneSharePct?: number | undefined },
  inputs: TInsightInputs,
): TScenarioResult {
  const central =
    params.fineTuneSharePct === undefined ? FINE_TUNE_SHARE.central : params.fineTuneSharePct / 100;
  const isTraining = (r: { phase: string }) => r.phase === 'training';
  const est = scaledEstimate(records, { ...inputs, library: ensureIndexed(inputs.library) }, isTraining, {
    central,
    lowSaving: Math.max(central, FINE_TUNE_SHARE.high),
    highSaving: Math.min(central, FINE_TUNE_SHARE.low),
  });
  const others = records.length - est.affectedRecords;
  return {
    kind: 'reuse',
    title: 'Fine-tune a pre-trained model instead of training from scratch',
    ...est,
    unchanged: others > 0 ? [{ reason: 'not training from scratch', records: others }] : [],
    assumptions: [
      `Avoided emissions: fine-tuning needs ${(central * 100).toFixed(2)} % of the pre-training compute (range ${FINE_TUNE_SHARE.low * 100} %–${FINE_TUNE_SHARE.high * 100} %), on the same hardware and region.`,
      'Assumes a suitable pre-trained model (licence, quality) exists; its own training emissions were spent by someone else and are not allocated here.',
      COST_ASSUMPTION,
    ],
    sources: [
      'Touvron et al. 2023, LLaMA (arXiv:2302.13971), Table 15: 82,432 GPU-hours for the 7B model',
      'Taori et al. 2023, Stanford Alpaca: fine-tuning LLaMA-7B took 3 hours on 8 × 80 GB A100',
    ],
    confidence: 'low',
    label: 'estimate (avoided emissions)',
    currency: inputs.currency,
  };
}
