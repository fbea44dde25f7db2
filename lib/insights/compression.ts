import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { COST_ASSUMPTION } from './electricity-price';
import { scaledEstimate } from './scaled-estimate';
import type { TInsightInputs, TRecords, TScenarioResult } from './types';

export const COMPRESSION_TECHNIQUES = ['int8', 'int4', 'distillation'] as const;
export type TCompressionTechnique = (typeof COMPRESSION_TECHNIQUES)[number];

/**
 * Documented ranges of inference energy saved (fraction of IT energy). Literature figures are speed-ups or
 * throughput ratios; at constant power, a speed-up s saves 1 − 1/s of the energy. Ranges are estimates.
 */
export const COMPRESSION_SAVINGS: Readonly<
  Record<TCompressionTechnique, { low: number; high: number; label: string; sources: string[] }>
> = {
  // Low 20 %: AI Footprint judgement (decoding is memory-bound, kernels add overhead). High 50 %: INT8 peak
  // throughput is 2× FP16 on tensor cores (A100: 624 TOPS INT8 vs 312 TFLOPS FP16) → 1 − 1/2.
  int8: {
    low: 0.2,
    high: 0.5,
    label: '8-bit quantisation (INT8/FP8)',
    sources: [
      'NVIDIA A100 datasheet: INT8 624 TOPS vs FP16/BF16 312 TFLOPS (2× peak throughput)',
      'Dettmers et al. 2022, LLM.int8() (arXiv:2208.07339): accuracy preserved at 8 bits; speed-ups depend on kernels',
    ],
  },
  // High 69 %: GPTQ 3.25× end-to-end generation speed-up on A100 (1 − 1/3.25 = 0.69). Low 25 %: judgement.
  int4: {
    low: 0.25,
    high: 0.69,
    label: '4-bit weight quantisation (GPTQ/AWQ class)',
    sources: [
      'Frantar et al. 2023, GPTQ (ICLR 2023, arXiv:2210.17323): up to 3.25× generation speed-up on A100',
    ],
  },
  // Low 37.5 %: DistilBERT runs 60 % faster (1 − 1/1.6). High 89 %: TinyBERT-4 is 9.4× faster (1 − 1/9.4).
  distillation: {
    low: 0.375,
    high: 0.89,
    label: 'distillation to a smaller student model',
    sources: [
      'Sanh et al. 2019, DistilBERT (arXiv:1910.01108): 40 % smaller, 60 % faster, 97 % of the performance',
      'Jiao et al. 2020, TinyBERT (arXiv:1909.10351): 7.5× smaller and 9.4× faster inference',
    ],
  },
};

/** Inference served by a quantised or distilled model: IT energy (and device-hours) of inference rows scaled. */
export function compressionScenario(
  records: TRecords,
  params: { technique: TCompressionTechnique },
  inputs: TInsightInputs,
): TScenarioResult {
  const range = COMPRESSION_SAVINGS[params.technique];
  const central = (range.low + range.high) / 2;
  const isInference = (r: { phase: string }) => r.phase === 'inference';
  const est = scaledEstimate(records, { ...inputs, library: ensureIndexed(inputs.library) }, isInference, {
    central: 1 - central,
    lowSaving: 1 - range.low,
    highSaving: 1 - range.high,
  });
  const others = records.length - est.affectedRecords;
  return {
    kind: 'compression',
    title: `Serve with ${range.label}`,
    ...est,
    unchanged: others > 0 ? [{ reason: 'not inference', records: others }] : [],
    assumptions: [
      `Estimate: inference IT energy −${Math.round(range.low * 100)} % to −${Math.round(range.high * 100)} % (central −${Math.round(central * 100)} %, the midpoint); same requests served.`,
      'Speed-ups are converted at constant power (energy ∝ time); quality loss must be checked separately.',
      'One-off costs (quantisation calibration, distillation training) are not included.',
      COST_ASSUMPTION,
    ],
    sources: range.sources,
    confidence: 'low',
    label: 'estimate (literature range)',
    currency: inputs.currency,
  };
}
